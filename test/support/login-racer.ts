import mysql from 'mysql2/promise';
import pg from 'pg';

/** A login a racer tries: a user and a password (empty: none), and what it is, for reports. */
export interface RacerLogin {
  user: string;
  password: string;
  what: string;
}

export interface RacerOutcome {
  attempts: number;
  /** Attempts the server itself answered (a refused login), as opposed to a refused connection. */
  answered: number;
  /** How often each kind of login got in: a racer must never have any. */
  wins: Record<string, number>;
}

export interface LoginRacer {
  stop(): Promise<RacerOutcome>;
}

/**
 * A local process that tries to log in to a port of 127.0.0.1 in a tight loop while a clone
 * starts, resets or hands over, with logins that must never work (no password, a stale one).
 * Bounded in attempts and time, and only ever to 127.0.0.1.
 */
export function startLoginRacer(options: {
  engine: 'postgres' | 'mariadb' | 'mysql';
  port: number;
  logins: RacerLogin[];
  database?: string;
  loops?: number;
  maxAttempts?: number;
  maxMs?: number;
}): LoginRacer {
  const outcome: RacerOutcome = { attempts: 0, answered: 0, wins: {} };
  const maxAttempts = options.maxAttempts ?? 500_000;
  const deadline = Date.now() + (options.maxMs ?? 300_000);
  let stopped = false;
  const attempt = options.engine === 'postgres' ? tryPostgres : tryMysql;
  const loop = async (offset: number) => {
    for (let i = offset; !stopped && outcome.attempts < maxAttempts && Date.now() < deadline; i++) {
      const login = options.logins[i % options.logins.length]!;
      outcome.attempts += 1;
      const result = await attempt(options.port, login, options.database);
      if (result === 'answered') outcome.answered += 1;
      if (result === 'won') outcome.wins[login.what] = (outcome.wins[login.what] ?? 0) + 1;
      // Lets the code under test run between attempts in this same process.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const loops = Array.from({ length: options.loops ?? 3 }, (_, index) => loop(index));
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return outcome;
    },
  };
}

type AttemptResult = 'won' | 'answered' | 'refused';

async function tryPostgres(port: number, login: RacerLogin, database?: string): Promise<AttemptResult> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: login.user,
    password: login.password,
    database: database ?? 'postgres',
    connectionTimeoutMillis: 1000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'won';
  } catch (error) {
    return answeredByServer(error) ? 'answered' : 'refused';
  } finally {
    void client.end().catch(() => {});
  }
}

async function tryMysql(port: number, login: RacerLogin, database?: string): Promise<AttemptResult> {
  try {
    const connection = await mysql.createConnection({
      host: '127.0.0.1',
      port,
      user: login.user,
      password: login.password,
      database,
      connectTimeout: 1000,
    });
    connection.on('error', () => {});
    try {
      await connection.query('SELECT 1');
      return 'won';
    } finally {
      void connection.end().catch(() => {});
    }
  } catch (error) {
    return answeredByServer(error) ? 'answered' : 'refused';
  }
}

/** A login the server refused (wrong password, no such user, rejected host), not a dead port. */
function answeredByServer(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  // PostgreSQL: 28P01 wrong password, 28000 rejected by pg_hba; MySQL: ER_ACCESS_DENIED_ERROR etc.
  return code.startsWith('28') || /^ER_/.test(code);
}
