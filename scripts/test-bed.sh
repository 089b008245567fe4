#!/usr/bin/env bash
# Makes this machine ready for dataclone's demo and tests: a running Docker Engine and the base
# images the tests build from. Fast (well under a second) when everything is already there.
#
# On Debian as root it installs what is missing (apt-get install docker.io; base images built
# from Debian's packages when they cannot be pulled); elsewhere it says in one line what to do.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The base images to pull or build: the demo needs postgres:15, the tests (--tests) every engine
# and version they prove (test/support/base-images.ts: TEST_MATRIX). DATACLONE_TEST_BASE_IMAGES=
# "postgres:18 mysql:9.7" chooses others, and the tests then run on those.
default_images="postgres:15"
if [ "${1:-}" = "--tests" ]; then
  default_images="postgres:15 postgres:17 postgres:18 mariadb:10.11 mariadb:11.8 mysql:9.7"
fi
read -r -a base_images <<<"${DATACLONE_TEST_BASE_IMAGES:-$default_images}"
# Images built from Debian's packages, two at a time: a build waits on the network about as much
# as it computes, so two share two cores well.
build_jobs="${DATACLONE_BUILD_JOBS:-2}"

say() { echo "test-bed: $*" >&2; }
is_debian_root() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

ensure_docker() {
  if docker info >/dev/null 2>&1; then return; fi
  if ! command -v dockerd >/dev/null 2>&1; then
    if ! is_debian_root; then
      say "Docker Engine is needed: install it (https://docs.docker.com/engine/install/) and start it."
      exit 1
    fi
    say "installing Docker Engine (apt-get install docker.io)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  if docker info >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" != 0 ]; then
    say "Docker Engine is installed but not running: start it (sudo systemctl start docker) or run as root."
    exit 1
  fi
  say "starting dockerd (log: /var/log/dockerd.log)"
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then return; fi
    sleep 0.5
  done
  say "dockerd did not start within 30 s; see /var/log/dockerd.log"
  exit 1
}

ensure_image() {
  local image="$1"
  if docker image inspect "$image" >/dev/null 2>&1; then return; fi
  if timeout 60 docker pull -q "$image" >/dev/null 2>&1; then
    say "$image: pulled"
    return
  fi
  if ! is_debian_root; then
    say "$image: not present and cannot be pulled; pull it where a registry is reachable (docker pull $image)."
    exit 1
  fi
  say "$image: cannot be pulled here; building an equivalent from Debian's packages (2 to 4 minutes)"
  local log started=$SECONDS
  log="$(mktemp /tmp/dataclone-base-image.XXXXXX.log)"
  if ! "$here/build-base-image.sh" "$image" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    say "$image: the build failed (above)"
    return 1
  fi
  rm -f "$log"
  say "$image: built in $((SECONDS - started)) s"
}

ensure_images() {
  local pids=() failed=0 image pid
  for image in "$@"; do
    ensure_image "$image" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$build_jobs" ]; then
      wait "${pids[0]}" || failed=1
      pids=("${pids[@]:1}")
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return "$failed"
}

# The registry tests run Debian's docker-registry with htpasswd authentication on 127.0.0.1.
ensure_registry_tools() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  [ ${#missing[@]} -eq 0 ] && return
  if ! is_debian_root; then
    say "the registry tests need ${missing[*]}: install them (Debian: apt-get install ${missing[*]})."
    exit 1
  fi
  say "installing ${missing[*]} (for the registry tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# dockerd decompresses pulled layers with unpigz when it finds it (no restart needed): about half
# the pull time of a data image. Optional: without it pulls are slower, nothing fails.
ensure_pigz() {
  command -v unpigz >/dev/null 2>&1 && return
  if ! is_debian_root; then
    say "pigz is not installed: pulls of data images take about twice as long (Debian: apt-get install pigz)."
    return
  fi
  say "installing pigz (faster image pulls)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pigz >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pigz >/dev/null; } ||
    say "could not install pigz: pulls work, only slower"
}

ensure_docker
ensure_pigz
# --tests (npm test, CI): also what the tests need beyond Docker.
if [ "${1:-}" = "--tests" ]; then ensure_registry_tools; fi
ensure_images "${base_images[@]}"
