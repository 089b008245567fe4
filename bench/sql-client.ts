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
    return {
      query: (sql) => client.query(sql),
      close: () => endWithin(client.end(), () => socketOf(client)?.destroy()),
    };
  }
  const connection = await mysql.createConnection(url);
  connection.on('error', () => {});
  return {
    query: (sql) => connection.query(sql),
    close: () => endWithin(connection.end(), () => connection.destroy()),
  };
}

/**
 * A polite close, given a second: through Docker's userland port proxy the server's answer to a
 * client's goodbye sometimes never arrives, and a measurement must not wait on it forever.
 */
async function endWithin(ending: Promise<void>, force: () => unknown): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 1000)));
  const outcome = await Promise.race([
    ending.then(
      () => 'ended' as const,
      () => 'ended' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') force();
}

/** pg's Client keeps its socket on an undocumented field; destroying it ends a close that hangs. */
function socketOf(client: pg.Client): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
}
