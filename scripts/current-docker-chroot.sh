#!/usr/bin/env bash
# Builds a Debian sid chroot holding a current Docker Engine (docker.io 28.x with containerd 2),
# for the tests that prove dataclone on a current engine beside the host's Docker Engine
# (test/support/current-docker-engine.ts starts it; test/integration/current-docker-engine.test.ts).
# Nothing is started here and the host's engine is not touched.
#
#   scripts/current-docker-chroot.sh          # builds it once; prints its path (instant when built)
#   scripts/current-docker-chroot.sh --force  # builds it again (sid moves: a newer docker.io)
#
# DATACLONE_CURRENT_DOCKER_ROOT chooses the folder (default /var/cache/dataclone/docker-sid);
# keep it between CI runs to skip the build. About 300 MB; the build takes 1 to 2 minutes from
# Debian's archive. Needs root and debootstrap (installed when missing).
set -euo pipefail

root="${DATACLONE_CURRENT_DOCKER_ROOT:-/var/cache/dataclone/docker-sid}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# docker.io brings containerd, runc, tini and docker-proxy; pigz as scripts/test-bed.sh installs
# it on the host (both stores decompress pulled layers with unpigz when they find it).
packages="docker.io,pigz,iptables,ca-certificates,procps"
say() { echo "current-docker-chroot: $*" >&2; }

if [ "${1:-}" != "--force" ] && [ -f "$root/.dataclone-complete" ]; then
  echo "$root"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "needs root (debootstrap and chroot)"
  exit 1
fi
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

# Built beside the final folder and renamed when complete, so an interrupted build leaves nothing
# that looks usable.
building="$root.building"
for m in proc sys dev; do umount -l "$building/$m" 2>/dev/null || true; done
rm -rf "$building"
mkdir -p "$(dirname "$root")"
started=$SECONDS
say "debootstrap sid with $packages into $building"
if ! debootstrap --variant=minbase --include="$packages" sid "$building" "$mirror" >"$building.log" 2>&1; then
  tail -20 "$building.log" >&2
  exit 1
fi
rm -f "$building.log"
version="$(chroot "$building" dpkg-query -W -f='${Version}' docker.io)"
chroot "$building" apt-get clean
rm -rf "$building/var/lib/apt/lists/"* "$building/usr/share/doc" "$building/usr/share/man"
echo "$version" >"$building/.dataclone-complete"
if [ -e "$root" ]; then rm -rf "$root"; fi
mv "$building" "$root"
say "docker.io $version in $root, built in $((SECONDS - started)) s"
echo "$root"
