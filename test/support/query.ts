import pg from 'pg';
import type { Clone } from '../../src/clones/clone.js';

/** Runs one SQL statement against a clone's database over its published port, as a user would. */
export async function query<T extends Record<string, unknown> = Record<string, unknown>>(
  clone: Clone,
  database: string,
  sql: string,
): Promise<T[]> {
  const db = clone.connection.databases.find((candidate) => candidate.name === database);
  if (!db) throw new Error(`clone ${clone.name} has no database ${database}`);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
