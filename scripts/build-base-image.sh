#!/usr/bin/env bash
# Builds a stand-in for an official database image from Debian's packages, under the official
# name, for machines that cannot pull from Docker Hub. Same PATH, user (uid 999), PGDATA and
# VOLUME as the official image; no entrypoint script, because dataclone never relies on one.
# (docker import cannot set STOPSIGNAL; dataclone stops servers itself, so it does not matter.)
#
#   scripts/build-base-image.sh postgres:15
#   scripts/build-base-image.sh mariadb:10.11
#
# Needs root, debootstrap and a running Docker Engine.
set -euo pipefail

image="${1:?usage: build-base-image.sh postgres:15}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${DEBIAN_SUITE:-bookworm}"

case "$image" in
  postgres:*)
    version="${image#postgres:}"
    packages="postgresql-${version}"
    ;;
  mariadb:*)
    version="${image#mariadb:}"
    packages="mariadb-server mariadb-client"
    ;;
  *)
    echo "build-base-image: no recipe for '$image' (known: postgres:<major>, mariadb:<version of $suite>)" >&2
    exit 2
    ;;
esac

command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

root="$(mktemp -d /var/tmp/dataclone-rootfs.XXXXXX)"
# mktemp makes the folder 0700; as the image's / it would lock every non-root user out.
chmod 0755 "$root"
cleanup() {
  for m in proc sys dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT

echo "build-base-image: debootstrap $suite into $root"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

case "$image" in
  postgres:*)
    # The official image creates the postgres user with uid/gid 999 before installing, and turns
    # off the Debian package's automatic cluster creation.
    in_root groupadd -r postgres --gid=999
    in_root useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres
    in_root mkdir -p /var/lib/postgresql
    in_root chown postgres:postgres /var/lib/postgresql
    in_root apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
    sed -ri 's/#(create_main_cluster) .*$/\1 = false/' "$root/etc/postgresql-common/createcluster.conf"
    in_root apt-get install -y -qq --no-install-recommends "$packages" >/dev/null
    in_root mkdir -p /var/run/postgresql /var/lib/postgresql/data
    in_root chown -R postgres:postgres /var/run/postgresql /var/lib/postgresql/data
    in_root chmod 3777 /var/run/postgresql
    changes=(
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${version}/bin"
      --change "ENV PGDATA=/var/lib/postgresql/data"
      --change "ENV LANG=C.UTF-8"
      --change "VOLUME /var/lib/postgresql/data"
      --change "EXPOSE 5432"
      --change "USER postgres"
      --change 'CMD ["postgres"]'
    )
    ;;
  mariadb:*)
    # Like the official image: runs as root, the mysql user with uid/gid 999, an empty /var/lib/mysql declared
    # as a VOLUME, and no server started or instance created by the packages.
    in_root groupadd -r mysql --gid=999
    in_root useradd -r -g mysql --uid=999 --home-dir=/var/lib/mysql --shell=/usr/sbin/nologin mysql
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
    in_root apt-get install -y -qq --no-install-recommends $packages >/dev/null
    rm -f "$root/usr/sbin/policy-rc.d"
    installed="$(in_root dpkg-query -W -f='${Version}' mariadb-server)"
    case "$installed" in
      *:"$version".* | "$version".*) ;;
      *) echo "build-base-image: $suite has MariaDB $installed, not $version" >&2; exit 1 ;;
    esac
    rm -rf "$root/var/lib/mysql"
    in_root mkdir -p /var/lib/mysql /run/mysqld
    in_root chown -R mysql:mysql /var/lib/mysql /run/mysqld
    changes=(
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      --change "ENV LANG=C.UTF-8"
      --change "VOLUME /var/lib/mysql"
      --change "EXPOSE 3306"
      --change 'CMD ["mariadbd"]'
    )
    ;;
esac

umount -l "$root/proc"
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*

echo "build-base-image: docker import as $image"
tar -C "$root" -c . | docker import "${changes[@]}" \
  --change "LABEL org.opencontainers.image.description=\"dataclone stand-in for $image, built from Debian packages\"" \
  - "$image" >/dev/null
echo "build-base-image: built $image"
