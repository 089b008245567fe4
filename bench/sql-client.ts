import mysql from 'mysql2/promise';
import pg from 'pg';
import type { Clone } from '../src/clones/clone.js';

/** One open connection to a clone's database, whatever its engine. */
export interface SqlClient {
  query(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function connect(clone: Clone, database: string): Promise<SqlClient> {
  const url = clone.connection.databases.find((db) => db.name === database)?.url;
  if (!url) throw new Error(`clone ${clone.name} has no database ${database}`);
  if (clone.engine === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    // A server that goes away (an interrupted run removes its clones) fails the query in flight;
    // the client's own error event would otherwise end the process before the cleanup is done.
    client.on('error', () => {});
    await client.connect();
    return { query: (sql) => client.query(sql), close: () => client.end() };
  }
  const connection = await mysql.createConnection(url);
  connection.on('error', () => {});
  return { query: (sql) => connection.query(sql), close: () => connection.end() };
}
