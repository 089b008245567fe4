#!/usr/bin/env bash
# A second Docker Engine whose storage is a loop-mounted XFS file with reflinks, for measuring
# copy-on-write costs against the usual overlay2-on-ext4 (Debian, as root).
#
#   bash bench/xfs-docker.sh start   # prints the DOCKER_HOST to use
#   DOCKER_HOST=unix:///run/dataclone-xfs/docker.sock BENCH_STANDBY=0 npm run bench
#   bash bench/xfs-docker.sh stop    # stops it and removes the file, the mount and the bridge
#
# It copies the base images (postgres:15, mariadb:10.11) from the main Docker Engine. It uses its
# own bridge and no iptables rules; published ports go through docker-proxy on 127.0.0.1. Without
# iptables its embedded DNS does not answer, so run the benchmark with BENCH_STANDBY=0 there.
set -euo pipefail

state=/run/dataclone-xfs
image_file=${DATACLONE_XFS_FILE:-/var/tmp/dataclone-xfs.img}
size=${DATACLONE_XFS_SIZE:-20G}
mnt=$state/mnt
sock=$state/docker.sock
bridge=dcxfs0
say() { echo "xfs-docker: $*" >&2; }

start() {
  if [ -S "$sock" ] && docker -H "unix://$sock" info >/dev/null 2>&1; then
    echo "unix://$sock"
    return
  fi
  command -v mkfs.xfs >/dev/null || { say "installing xfsprogs"; apt-get install -y -qq xfsprogs >/dev/null; }
  mkdir -p "$state" "$mnt"
  if ! mountpoint -q "$mnt"; then
    truncate -s "$size" "$image_file"
    mkfs.xfs -q -f -m reflink=1 -n ftype=1 "$image_file"
    mount -o loop "$image_file" "$mnt"
  fi
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add 172.31.254.1/24 dev "$bridge"
    ip link set "$bridge" up
  fi
  say "starting dockerd on $sock with data root $mnt/docker (XFS, reflink=1)"
  nohup dockerd --host "unix://$sock" --data-root "$mnt/docker" --exec-root "$state/exec" \
    --pidfile "$state/docker.pid" --bridge "$bridge" --iptables=false --ip-masq=false \
    --storage-driver overlay2 >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    docker -H "unix://$sock" info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker -H "unix://$sock" info 2>/dev/null | grep -E "Backing Filesystem|Storage Driver" >&2
  for image in ${DATACLONE_TEST_BASE_IMAGES:-postgres:15 mariadb:10.11}; do
    if ! docker -H "unix://$sock" image inspect "$image" >/dev/null 2>&1; then
      say "copying $image"
      docker save "$image" | docker -H "unix://$sock" load -q >/dev/null
    fi
  done
  echo "unix://$sock"
}

stop() {
  if [ -f "$state/docker.pid" ]; then
    kill "$(cat "$state/docker.pid")" 2>/dev/null || true
    for _ in $(seq 1 40); do [ -S "$sock" ] || break; sleep 0.5; done
  fi
  mountpoint -q "$mnt" && umount "$mnt"
  ip link show "$bridge" >/dev/null 2>&1 && ip link del "$bridge"
  rm -rf "$state" "$image_file"
  say "stopped and removed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: xfs-docker.sh start|stop" >&2; exit 2 ;;
esac
