#!/usr/bin/env bash
# Regenerates data/customers.dump (pg_dump custom format) and data/orders.sql.gz (plain pg_dump,
# gzip'd) from deterministic SQL, with a throwaway PostgreSQL 15 container and the host's
# pg_dump 15. Only needed when the sample data changes; the files are committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

name="dataclone-make-sample-$$"
port=$(( 20000 + RANDOM % 20000 ))
docker run -d --name "$name" -p "127.0.0.1:$port:5432" --entrypoint sh postgres:15 -c \
  'initdb -D /tmp/pgdata -U postgres --auth=trust >/dev/null && echo "host all all all trust" >> /tmp/pgdata/pg_hba.conf &&
   exec postgres -D /tmp/pgdata -c listen_addresses="*" -c unix_socket_directories=/tmp' >/dev/null
trap 'docker rm -f "$name" >/dev/null' EXIT
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
for _ in $(seq 1 100); do psql -qAtc 'SELECT 1' postgres >/dev/null 2>&1 && break; sleep 0.2; done

psql -q -v ON_ERROR_STOP=1 -d postgres -f setup/roles.sql
psql -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE customers' -c 'CREATE DATABASE orders'

psql -q -v ON_ERROR_STOP=1 -d customers <<'SQL'
CREATE TABLE customers (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  email      text NOT NULL UNIQUE,
  country    text NOT NULL,
  created_at timestamptz NOT NULL
);
ALTER TABLE customers OWNER TO shop_owner;
GRANT SELECT ON customers TO shop_reader;
INSERT INTO customers
SELECT g,
       (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken'])[1 + g % 8] || ' ' ||
       (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson'])[1 + (g / 8) % 8] || ' ' || g,
       'person' || g || '@example.com',
       (ARRAY['GB','US','NL','DE','FR','SE'])[1 + g % 6],
       timestamptz '2024-01-01' + g * interval '7 hours'
FROM generate_series(1, 300) g;
SQL

psql -q -v ON_ERROR_STOP=1 -d orders <<'SQL'
CREATE TABLE orders (
  id          integer PRIMARY KEY,
  customer_id integer NOT NULL,   -- refers to customers.customers(id), another database
  ordered_at  timestamptz NOT NULL,
  total_cents integer NOT NULL CHECK (total_cents > 0)
);
CREATE INDEX orders_customer_id ON orders (customer_id);
ALTER TABLE orders OWNER TO shop_owner;
GRANT SELECT ON orders TO shop_reader;
INSERT INTO orders
SELECT g, 1 + (g * 37) % 300, timestamptz '2024-02-01' + g * interval '3 hours', 500 + (g * 7919) % 20000
FROM generate_series(1, 2000) g;
SQL

pg_dump -Fc -d customers -f data/customers.dump
pg_dump -d orders | gzip -9n > data/orders.sql.gz
ls -l data
