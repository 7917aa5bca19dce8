#!/bin/sh
# Makes base.tar, a tiny root filesystem (a static busybox and its applets) for the example.
# Needs Debian's busybox-static (or any static busybox at BUSYBOX).
set -eu
busybox="${BUSYBOX:-$(command -v busybox)}"
out="${1:-base.tar}"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
cp "$busybox" "$root/bin/busybox"
chroot "$root" /bin/busybox --install -s /bin
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
tar -C "$root" -cf "$out" .
echo "wrote $out"
