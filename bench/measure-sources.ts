/**
 * Build time by source kind (issue 13's Performance paragraph): one generated dataset, made on a
 * real server in a container of the base image, handed to the build in every form it supports:
 * PostgreSQL a custom-format dump, a plain dump, a pg_basebackup tar and the live server; MariaDB
 * a mysqldump, a prepared mariabackup folder and the live server. Each build is split into its
 * restore phase (everything before finalising and committing: initialise, which for a physical
 * backup is the copy and the recovery, and the restores) and the whole build; a clone of each
 * image must answer the same query with the same result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClone } from '../src/clones/create-clone.js';
import { removeClone } from '../src/clones/remove-clone.js';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import { Labels } from '../src/docker/labels.js';
import { buildImage } from '../src/images/build-image.js';
import { startSourceServer, type SourceServer } from '../test/support/source-server.js';
import { connect } from './sql-client.js';
import { log } from './stats.js';

export interface SourceKindResult {
  engine: 'postgres' | 'mariadb';
  sizeMb: number;
  kind: string;
  /** Size of what the build read (the file or folder), MB; the live server's dump is streamed. */
  inputMb?: number;
  restoreSeconds: number;
  finaliseSeconds: number;
  commitSeconds: number;
  buildSeconds: number;
  imageSizeMb: number;
  /** The clone's answer to the check query: the same for every kind. */
  answer: string;
}

const PASSWORD_VARIABLE = 'DATACLONE_BENCH_SOURCE_PASSWORD';
const PASSWORD = 'bench-source-password';

interface SourceKind {
  kind: string;
  /** The definition's source lines: an instance or a databases entry. */
  yaml: string;
  /** The file or folder of the dump or backup, relative to the definition's folder. */
  input?: string;
}

const KINDS: Record<'postgres' | 'mariadb', (server: string) => SourceKind[]> = {
  postgres: (server) => [
    { kind: 'custom dump (pg_dump -Fc)', input: 'src/events.dump', yaml: db('src/events.dump') },
    { kind: 'plain dump (pg_dump -Fp)', input: 'src/events.sql', yaml: db('src/events.sql') },
    {
      kind: 'pg_basebackup tar (-Ft -X stream)',
      input: 'src/base',
      yaml: 'instance:\n  backup: src/base\ndatabases:\n  - name: events\n',
    },
    {
      kind: 'live server (pg_dump | psql)',
      yaml: db(liveSource(`postgresql://reader@${server}:5432/events`)),
    },
  ],
  mariadb: (server) => [
    { kind: 'mysqldump', input: 'src/events.sql', yaml: db('src/events.sql') },
    {
      kind: 'mariabackup (prepared folder)',
      input: 'src/full',
      yaml: 'instance:\n  backup: src/full\ndatabases:\n  - name: events\n',
    },
    {
      kind: 'live server (mysqldump | mariadb)',
      yaml: db(liveSource(`mysql://reader@${server}:3306/events`)),
    },
  ],
};

function db(source: string): string {
  return `databases:\n  - name: events\n    source: ${source}\n`;
}

function liveSource(url: string): string {
  return `\n      url: ${url}\n      passwordEnv: ${PASSWORD_VARIABLE}`;
}

/** Builds the dataset of `sizeMb` from every source kind of `engine`, one after the other. */
export async function measureSources(
  host: DockerHost,
  engine: 'postgres' | 'mariadb',
  sizeMb: number,
  owner: string,
): Promise<SourceKindResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bench-sources-'));
  const network = `dataclone-bench-sources-${process.pid}`;
  const name = `bench-${engine}-source-${process.pid}`;
  process.env[PASSWORD_VARIABLE] = PASSWORD;
  await host.createNetwork(network, { [Labels.owner]: owner });
  let server: SourceServer | undefined;
  const results: SourceKindResult[] = [];
  try {
    server = await startSourceServer(host, {
      image: engine === 'postgres' ? 'postgres:15' : 'mariadb:10.11',
      engine,
      owner,
      name,
      network,
    });
    log(`sources ${engine} ${sizeMb} MB: generating the data and its dumps and backups`);
    await fill(server, engine, sizeMb);
    await makeInputs(server, engine);
    await server.copyOut(host.docker, '/tmp/src', dir);
    for (const kind of KINDS[engine](name)) {
      log(`sources ${engine} ${sizeMb} MB: building from ${kind.kind}`);
      results.push(await buildFrom(host, dir, engine, sizeMb, kind, { network, owner }));
    }
  } finally {
    await server?.[Symbol.asyncDispose]();
    await host.removeNetwork(network);
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** About 8,000 rows of this shape take 1 MB on disk with their primary key index (datasets.ts). */
async function fill(server: SourceServer, engine: 'postgres' | 'mariadb', sizeMb: number) {
  const rows = Math.round(sizeMb * 8000);
  if (engine === 'postgres') {
    await server.sql(`CREATE ROLE reader LOGIN SUPERUSER PASSWORD '${PASSWORD}'; CREATE DATABASE events;`);
    await server.sql(
      `CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, kind text NOT NULL, payload text NOT NULL);
       INSERT INTO events SELECT g, g % 1000, 'kind-' || (g % 17), md5(g::text) || md5((g * 7)::text) FROM generate_series(1, ${rows}) g;`,
      'events',
    );
    return;
  }
  await server.sql(`CREATE DATABASE events;
    CREATE TABLE events.events (id bigint PRIMARY KEY, account int NOT NULL, kind varchar(20) NOT NULL, payload varchar(64) NOT NULL);
    INSERT INTO events.events SELECT seq, seq % 1000, CONCAT('kind-', seq % 17), CONCAT(MD5(seq), MD5(seq * 7)) FROM events.seq_1_to_${rows};
    CREATE USER 'reader'@'%' IDENTIFIED BY '${PASSWORD}';
    GRANT ALL PRIVILEGES ON *.* TO 'reader'@'%';
    ALTER USER 'root'@'localhost' IDENTIFIED BY '${PASSWORD}';`);
}

/** Every file-shaped input, made with the image's own tools in /tmp/src of the server's container. */
async function makeInputs(server: SourceServer, engine: 'postgres' | 'mariadb') {
  if (engine === 'postgres') {
    await server.dump([
      'sh',
      '-c',
      `set -e; mkdir -p /tmp/src
       pg_dump -h /tmp -U postgres -Fc -f /tmp/src/events.dump events
       pg_dump -h /tmp -U postgres -Fp -f /tmp/src/events.sql events
       echo "local replication all trust" >> /var/lib/dataclone/pgdata/pg_hba.conf
       pg_ctl -D /var/lib/dataclone/pgdata reload >/dev/null
       pg_basebackup -h /tmp -U postgres -D /tmp/src/base -Ft -X stream --checkpoint=fast --no-sync`,
    ]);
    return;
  }
  await server.dump([
    'sh',
    '-c',
    `set -e; mkdir -p /tmp/src
     printf '[client]\\npassword=${PASSWORD}\\n' > /tmp/client.cnf
     DUMP=$(command -v mariadb-dump || command -v mysqldump)
     "$DUMP" --defaults-extra-file=/tmp/client.cnf --socket=/tmp/dataclone-mysqld.sock -uroot --single-transaction events > /tmp/src/events.sql
     mariabackup --defaults-extra-file=/tmp/client.cnf --backup --user=root --socket=/tmp/dataclone-mysqld.sock --target-dir=/tmp/src/full 2>/tmp/backup.log || { cat /tmp/backup.log >&2; exit 1; }
     mariabackup --prepare --target-dir=/tmp/src/full 2>/tmp/backup.log || { cat /tmp/backup.log >&2; exit 1; }`,
  ]);
}

async function buildFrom(
  host: DockerHost,
  dir: string,
  engine: 'postgres' | 'mariadb',
  sizeMb: number,
  kind: SourceKind,
  options: { network: string; owner: string },
): Promise<SourceKindResult> {
  const version = engine === 'postgres' ? '15' : '10.11';
  const file = path.join(dir, 'dataclone.yaml');
  await writeFile(file, `name: sources-${engine}\nengine: ${engine}\nversion: "${version}"\n${kind.yaml}`);
  const tag = `dataclone-bench/sources-${engine}:${process.pid}`;
  const built = await buildImage({
    host,
    reporter: silentReporter,
    definition: await loadImageDefinition(file),
    tag,
    network: options.network,
  });
  const step = (name: string) => built.steps.find((s) => s.step === name)?.durationMs ?? 0;
  const finalise = step('finalise');
  const commit = step('commit');
  try {
    return {
      engine,
      sizeMb,
      kind: kind.kind,
      ...(kind.input && { inputMb: round(duBytes(path.join(dir, kind.input)) / 2 ** 20) }),
      restoreSeconds: round((built.durationMs - finalise - commit) / 1000),
      finaliseSeconds: round(finalise / 1000),
      commitSeconds: round(commit / 1000),
      buildSeconds: round(built.durationMs / 1000),
      imageSizeMb: round(built.sizeBytes / 2 ** 20),
      answer: await answer(host, tag, options.owner),
    };
  } finally {
    await host.removeImage(tag).catch(() => {});
  }
}

/** What a clone of the image says to the check query, as text. */
async function answer(host: DockerHost, image: string, owner: string): Promise<string> {
  const { clone } = await createClone({ host, reporter: silentReporter, image, owner });
  try {
    const client = await connect(clone, 'events');
    try {
      const result = (await client.query(
        'SELECT count(*) AS n, sum(account) AS accounts, max(payload) AS payload FROM events',
      )) as { rows?: unknown[] } | unknown[][];
      const rows = Array.isArray(result) ? result[0] : result.rows;
      return JSON.stringify(rows?.[0], (_key, value: unknown) =>
        typeof value === 'number' ? String(value) : value,
      );
    } finally {
      // Not awaited: through Docker's port proxy the end of the connection was seen to hang
      // (FIN-WAIT-2) after the answer; removing the clone closes it anyway.
      void client.close().catch(() => {});
    }
  } finally {
    await removeClone({ host, reporter: silentReporter, name: clone.name });
  }
}

function duBytes(location: string): number {
  // du -sb: the apparent size of a file or of everything under a folder.
  return Number(execFileSync('du', ['-sb', location], { encoding: 'utf8' }).split('\t')[0]);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The table the bench prints for --sources. */
export function reportSources(results: SourceKindResult[], machine: string): string {
  const header = [
    'engine',
    'MB',
    'source',
    'input MB',
    'restore s',
    'finalise s',
    'commit s',
    'build s',
    'image MB',
    'same answer',
  ];
  const first = new Map<string, string>();
  const rows = results.map((r) => {
    const key = `${r.engine}-${r.sizeMb}`;
    if (!first.has(key)) first.set(key, r.answer);
    return [
      r.engine,
      String(r.sizeMb),
      r.kind,
      r.inputMb === undefined ? '(streamed)' : String(r.inputMb),
      String(r.restoreSeconds),
      String(r.finaliseSeconds),
      String(r.commitSeconds),
      String(r.buildSeconds),
      String(r.imageSizeMb),
      first.get(key) === r.answer ? 'yes' : `NO: ${r.answer}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [`dataclone build time by source kind: ${machine}`, line(header), ...rows.map(line)].join('\n');
}
