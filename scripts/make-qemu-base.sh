#!/usr/bin/env bash
# Builds a small bootable Debian disk for the qemu builder's tests and examples, from
# Debian's packages alone (no cloud image download): mmdebstrap into a directory, one ext4
# partition filled with mkfs.ext4 -d, extlinux as the boot loader, cloud-init reading only
# a NoCloud seed (a CD labelled cidata). About 2 minutes on 2 cores; the result is cached
# under the cache directory, keyed by the package list and this script, and reused.
#
#   scripts/make-qemu-base.sh            # prints the path of the qcow2 disk
#   BAKE_SERVICES_CACHE=/tmp/c scripts/make-qemu-base.sh
#
# Needs root (mmdebstrap --mode=root, a loop mount for extlinux), mmdebstrap, extlinux,
# qemu-utils and e2fsprogs (scripts/dev-services.sh installs them).
set -euo pipefail

CACHE_DIR="${BAKE_SERVICES_CACHE:-/var/cache/bake-services}"
SUITE="${BAKE_BASE_SUITE:-bookworm}"
MIRROR="${BAKE_BASE_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="systemd-sysv,udev,linux-image-cloud-amd64,initramfs-tools,openssh-server,sudo,iproute2,netbase,cloud-init"
DISK_MIB=2048
PART_OFFSET=1048576

log() { printf '[qemu-base] %s\n' "$*" >&2; }

key=$(printf '%s\n' "$SUITE" "$MIRROR" "$PACKAGES" "$DISK_MIB" | cat - "$0" | sha256sum | cut -c1-16)
out="$CACHE_DIR/qemu-base-$SUITE-$key.qcow2"
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi
mkdir -p "$CACHE_DIR"
# Two test files may ask at once: one builds, the other waits for its result.
exec 9>"$CACHE_DIR/qemu-base.lock"
flock 9
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "make-qemu-base.sh must run as root (mmdebstrap --mode=root and a loop mount)" >&2
  exit 1
fi
for tool in mmdebstrap extlinux qemu-img mkfs.ext4 python3; do
  command -v "$tool" >/dev/null || { echo "make-qemu-base.sh needs $tool: run scripts/dev-services.sh" >&2; exit 1; }
done
mbr=/usr/lib/EXTLINUX/mbr.bin
[ -r "$mbr" ] || mbr=/usr/lib/syslinux/mbr/mbr.bin
[ -r "$mbr" ] || { echo "no syslinux mbr.bin (install extlinux)" >&2; exit 1; }

work=$(mktemp -d "$CACHE_DIR/qemu-base.XXXXXX")
mnt="$work/mnt"
cleanup() {
  mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)

# cloud-init reads only a NoCloud seed, leaves the network to systemd-networkd and makes
# one ed25519 host key (RSA key generation alone takes 15 s under TCG).
export BAKE_CLOUD_CFG="$work/90-bake.cfg" BAKE_SSH_DROPIN="$work/host-key.conf"
cat >"$BAKE_CLOUD_CFG" <<'CFG'
datasource_list: [NoCloud, None]
network: {config: disabled}
ssh_genkeytypes: [ed25519]
manage_etc_hosts: localhost
resize_rootfs: false
growpart: {mode: 'off'}
CFG
# Without cloud-init's first boot (no seed), sshd still gets a host key.
cat >"$BAKE_SSH_DROPIN" <<'CFG'
[Service]
ExecStartPre=/bin/sh -c 'test -e /etc/ssh/ssh_host_ed25519_key || ssh-keygen -q -t ed25519 -N "" -f /etc/ssh/ssh_host_ed25519_key'
CFG

log "mmdebstrap $SUITE with $PACKAGES (about 90 s)"
mmdebstrap --variant=apt --mode=root --quiet --include="$PACKAGES" \
  --customize-hook='echo bake-base > "$1/etc/hostname"' \
  --customize-hook='printf "127.0.0.1 localhost\n127.0.1.1 bake-base\n" > "$1/etc/hosts"' \
  --customize-hook='printf "[Match]\nName=en* eth*\n\n[Network]\nDHCP=yes\n" > "$1/etc/systemd/network/80-dhcp.network"' \
  --customize-hook='chroot "$1" systemctl enable systemd-networkd >/dev/null 2>&1' \
  --customize-hook='cp "$BAKE_CLOUD_CFG" "$1/etc/cloud/cloud.cfg.d/90-bake.cfg"' \
  --customize-hook='mkdir -p "$1/etc/systemd/system/ssh.service.d" && cp "$BAKE_SSH_DROPIN" "$1/etc/systemd/system/ssh.service.d/host-key.conf"' \
  --customize-hook='rm -f "$1"/etc/ssh/ssh_host_* "$1"/etc/machine-id && touch "$1/etc/machine-id"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/archives/*.deb' \
  "$SUITE" "$work/rootfs" "$MIRROR" >&2

uuid=$(cat /proc/sys/kernel/random/uuid)
kernel=$(cd "$work/rootfs/boot" && ls vmlinuz-* | sort -V | tail -1)
initrd=$(cd "$work/rootfs/boot" && ls initrd.img-* | sort -V | tail -1)
printf 'UUID=%s / ext4 errors=remount-ro 0 1\n' "$uuid" >"$work/rootfs/etc/fstab"
mkdir -p "$work/rootfs/boot/extlinux"
cat >"$work/rootfs/boot/extlinux/extlinux.conf" <<CONF
DEFAULT debian
PROMPT 0
TIMEOUT 1
LABEL debian
  LINUX /boot/bake-vmlinuz
  INITRD /boot/bake-initrd.img
  APPEND root=UUID=$uuid ro console=tty0 console=ttyS0,115200 net.ifnames=0
CONF

log "disk: one ext4 partition (${DISK_MIB} MiB) with extlinux"
disk="$work/disk.raw"
truncate -s "${DISK_MIB}M" "$disk"
# No 64bit feature: extlinux reads ext4 without it.
mkfs.ext4 -q -F -O ^64bit -L root -U "$uuid" -d "$work/rootfs" -E offset=$PART_OFFSET \
  "$disk" "$(( DISK_MIB - PART_OFFSET / 1048576 ))M"
python3 - "$disk" "$PART_OFFSET" "$DISK_MIB" <<'PY'
import struct, sys
path, offset, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = offset // 512
count = mib * 2048 - start
# One bootable Linux partition; CHS fields say "use LBA".
entry = struct.pack('<B3sB3sII', 0x80, b'\xfe\xff\xff', 0x83, b'\xfe\xff\xff', start, count)
with open(path, 'r+b') as f:
    f.seek(446)
    f.write(entry + b'\0' * 48 + b'\x55\xaa')
PY
dd if="$mbr" of="$disk" bs=440 count=1 conv=notrunc status=none
mkdir -p "$mnt"
mount -o loop,offset=$PART_OFFSET "$disk" "$mnt"
# mke2fs -d writes holes where the kernel has zero blocks; syslinux cannot read holes.
cp --sparse=never "$mnt/boot/$kernel" "$mnt/boot/bake-vmlinuz"
cp --sparse=never "$mnt/boot/$initrd" "$mnt/boot/bake-initrd.img"
extlinux --install "$mnt/boot/extlinux" >/dev/null 2>&1
umount "$mnt"

log "qcow2 (compressed)"
qemu-img convert -q -f raw -O qcow2 -c -o compression_type=zstd "$disk" "$work/base.qcow2"
mv "$work/base.qcow2" "$out"
log "ready in $(( $(date +%s) - started ))s: $out ($(du -h "$out" | cut -f1))"
echo "$out"
