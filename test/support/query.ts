import mysql from 'mysql2/promise';
import pg from 'pg';
import type { Clone } from '../../src/clones/clone.js';

/**
 * Runs one SQL statement against a clone's database over its published port, as a user would,
 * with the driver of the clone's engine.
 */
export async function query<T extends Record<string, unknown> = Record<string, unknown>>(
  clone: Clone,
  database: string,
  sql: string,
): Promise<T[]> {
  const db = clone.connection.databases.find((candidate) => candidate.name === database);
  if (!db) throw new Error(`clone ${clone.name} has no database ${database}`);
  if (clone.engine === 'mysql' || clone.engine === 'mariadb') return queryMysql<T>(db.url, sql);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function queryMysql<T>(url: string, sql: string): Promise<T[]> {
  const connection = await mysql.createConnection(url);
  try {
    const [rows] = await connection.query(sql);
    return rows as T[];
  } finally {
    await connection.end();
  }
}
