import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Dataset {
  name: string;
  engine: 'postgres' | 'mariadb';
  /** Approximate size of the data, for the chart's x axis (0: a sample, not charted). */
  sizeMb: number;
  definition: string;
  /** A table with many rows in the primary database, for the first-write measurement. */
  largeTable?: string;
  /** Rows of the large table, ids 1 to rows (generated datasets). */
  rows?: number;
  cleanup?: () => Promise<void>;
}

export const SAMPLES: Dataset[] = [
  {
    name: 'sample-shop',
    engine: 'postgres',
    sizeMb: 0,
    definition: path.resolve('examples/sample/dataclone.yaml'),
  },
  {
    name: 'warehouse',
    engine: 'mariadb',
    sizeMb: 0,
    definition: path.resolve('examples/warehouse/dataclone.yaml'),
  },
];

/** A definition whose one database holds about `sizeMb` of generated rows in one table. */
export async function generatedDataset(engine: Dataset['engine'], sizeMb: number): Promise<Dataset> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bench-'));
  // About 8,000 rows of this shape take 1 MB on disk with their primary key index.
  const rows = Math.round(sizeMb * 8000);
  const sql =
    engine === 'postgres'
      ? `CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, kind text NOT NULL, payload text NOT NULL);
INSERT INTO events SELECT g, g % 1000, 'kind-' || (g % 17), md5(g::text) || md5((g * 7)::text)
  FROM generate_series(1, ${rows}) g;
`
      : `CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, kind varchar(20) NOT NULL, payload varchar(64) NOT NULL);
INSERT INTO events SELECT seq, seq % 1000, CONCAT('kind-', seq % 17), CONCAT(MD5(seq), MD5(seq * 7))
  FROM seq_1_to_${rows};
`;
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'data', '1_generate.sql'), sql);
  const name = `${engine}-${sizeMb}mb`;
  const version = engine === 'postgres' ? '15' : '10.11';
  await writeFile(
    path.join(dir, 'dataclone.yaml'),
    `name: ${name}\nengine: ${engine}\nversion: "${version}"\ndatabases:\n  - name: events\n    source: data/\n`,
  );
  return {
    name,
    engine,
    sizeMb,
    definition: path.join(dir, 'dataclone.yaml'),
    largeTable: 'events',
    rows,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
