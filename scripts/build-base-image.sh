#!/usr/bin/env bash
# Builds a stand-in for an official database image from Debian's packages, under the official
# name, for machines that cannot pull from Docker Hub. Same PATH, user (uid 999), PGDATA and
# VOLUME as the official image; no entrypoint script, because dataclone never relies on one.
# (docker import cannot set STOPSIGNAL; dataclone stops servers itself, so it does not matter.)
#
#   scripts/build-base-image.sh postgres:15     # also postgres:17, postgres:18
#   scripts/build-base-image.sh mariadb:10.11   # also mariadb:11.8
#   scripts/build-base-image.sh mysql:9.7
#
# Each version comes from the Debian suite that carries it (DEBIAN_SUITE chooses another):
# bookworm (12) has PostgreSQL 15 and MariaDB 10.11, trixie (13) PostgreSQL 17 and MariaDB 11.8,
# sid PostgreSQL 18 and Oracle's MySQL 9.7. No suite carries PostgreSQL 16 (checked 2026-12-01
# in bookworm, bookworm-backports, trixie, trixie-backports and sid).
#
# Needs root, debootstrap and a running Docker Engine.
set -euo pipefail

image="${1:?usage: build-base-image.sh postgres:15}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

case "$image" in
  postgres:15 | mariadb:10.11) default_suite=bookworm ;;
  postgres:17 | mariadb:11.8) default_suite=trixie ;;
  postgres:18 | mysql:9.7) default_suite=sid ;;
  postgres:16)
    if [ -z "${DEBIAN_SUITE:-}" ]; then
      echo "build-base-image: no Debian suite carries PostgreSQL 16; pull postgres:16 where a registry is reachable (docker pull postgres:16)" >&2
      exit 2
    fi
    ;;
  *) default_suite=bookworm ;;
esac
suite="${DEBIAN_SUITE:-${default_suite:-bookworm}}"

case "$image" in
  postgres:*)
    version="${image#postgres:}"
    packages="postgresql-${version}"
    ;;
  mariadb:*)
    version="${image#mariadb:}"
    # mariadb-backup as in the official image: the tests make physical backups with it.
    packages="mariadb-server mariadb-client mariadb-backup"
    ;;
  mysql:*)
    version="${image#mysql:}"
    # The server's binaries and the full client (mysqldump, mysqladmin): not mysql-server, whose
    # installation creates and starts an instance in /var/lib/mysql.
    packages="mysql-server-core mysql-client"
    ;;
  *)
    echo "build-base-image: no recipe for '$image' (known: postgres:15, postgres:17, postgres:18, mariadb:10.11, mariadb:11.8, mysql:9.7)" >&2
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

# Stops with one line naming the suite when it does not carry the version asked for.
require_version() {
  local package="$1" installed
  installed="$(in_root dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)"
  case "$installed" in
    *:"$version".* | "$version".*) ;;
    *) echo "build-base-image: $suite has $package ${installed:-(none)}, not $version; choose another suite with DEBIAN_SUITE" >&2; exit 1 ;;
  esac
}

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
    if ! in_root apt-get install -y -qq --no-install-recommends "$packages" >/dev/null; then
      echo "build-base-image: $suite has no installable $packages; choose another suite with DEBIAN_SUITE" >&2
      exit 1
    fi
    # PostgreSQL 18's official image moved PGDATA under the version's own folder and the VOLUME
    # up to /var/lib/postgresql (1777 there, as in the official image).
    if [ "$version" -ge 18 ]; then
      pgdata="/var/lib/postgresql/${version}/docker"
      volume=/var/lib/postgresql
      in_root chmod 1777 /var/lib/postgresql
    else
      pgdata=/var/lib/postgresql/data
      volume=/var/lib/postgresql/data
    fi
    in_root mkdir -p /var/run/postgresql "$pgdata"
    in_root chown -R postgres:postgres /var/run/postgresql "$pgdata"
    in_root chmod 3777 /var/run/postgresql
    changes=(
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${version}/bin"
      --change "ENV PG_MAJOR=${version}"
      --change "ENV PGDATA=${pgdata}"
      --change "ENV LANG=C.UTF-8"
      --change "VOLUME ${volume}"
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
    require_version mariadb-server
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
  mysql:*)
    # Like the official image (Oracle Linux slim with MySQL's minimal server package): runs as
    # root, the mysql user with uid/gid 999, /var/lib/mysql (1777) declared as a VOLUME, the
    # socket folder /var/run/mysqld, mysqld in /usr/sbin and the clients in /usr/bin, and
    # /var/lib/mysql-files (0750), which mysqld refuses to start without: its compiled-in
    # secure_file_priv, in Oracle's packages as in Debian's.
    in_root groupadd -r mysql --gid=999
    in_root useradd -r -g mysql --uid=999 --home-dir=/var/lib/mysql --no-create-home --shell=/bin/false mysql
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
    if ! in_root apt-get install -y -qq --no-install-recommends $packages >/dev/null; then
      echo "build-base-image: $suite has no installable $packages; choose another suite with DEBIAN_SUITE" >&2
      exit 1
    fi
    rm -f "$root/usr/sbin/policy-rc.d"
    require_version mysql-server-core
    rm -rf "$root/var/lib/mysql"
    in_root mkdir -p /var/lib/mysql /var/run/mysqld
    in_root chown mysql:mysql /var/lib/mysql /var/run/mysqld
    in_root chmod 1777 /var/lib/mysql /var/run/mysqld
    in_root install -d -o mysql -g mysql -m 0750 /var/lib/mysql-files
    changes=(
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
      --change "ENV MYSQL_MAJOR=${version}"
      --change "ENV LANG=C.UTF-8"
      --change "VOLUME /var/lib/mysql"
      --change "EXPOSE 3306 33060"
      --change 'CMD ["mysqld"]'
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
