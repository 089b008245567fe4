import { describe, expect, it } from 'vitest';
import { engineFor } from '../../../src/engines/index.js';

const credentials = { user: 'postgres', password: 'p@ss/w?rd#1' };
/** The one driver option dataclone adds itself: MySQL's, so Connector/J may fetch the RSA key. */
const OWN_OPTIONS: Record<string, string> = { mysql: '?allowPublicKeyRetrieval=true' };

describe('connection URLs', () => {
  it.each(['postgres', 'mysql', 'mariadb'])(
    '%s: a database name cannot add driver options to a JDBC URL, nor a path or query to a URL',
    (engine) => {
      const details = engineFor(engine).connectionDetails(
        { host: '127.0.0.1', port: 40001 },
        credentials,
        ['orders?socketFactory=org.example.Evil&x=/y#z'],
        'orders',
      );
      const [database] = details.databases;
      const own = OWN_OPTIONS[engine] ?? '';
      expect(database?.jdbcUrl.endsWith(own)).toBe(true);
      const jdbcUrl = database?.jdbcUrl.slice(0, database.jdbcUrl.length - own.length);
      expect(jdbcUrl).toMatch(
        /:\/\/127\.0\.0\.1:40001\/orders%3FsocketFactory%3Dorg\.example\.Evil%26x%3D%2Fy%23z$/,
      );
      expect(jdbcUrl).not.toContain('?');
      const url = new URL(database?.url ?? '');
      expect(url.search).toBe('');
      expect(url.hash).toBe('');
      expect(decodeURIComponent(url.pathname.slice(1))).toBe('orders?socketFactory=org.example.Evil&x=/y#z');
      expect(decodeURIComponent(url.password)).toBe(credentials.password);
    },
  );

  it.each(['postgres', 'mysql', 'mariadb'])('%s: an IPv6 host is written in brackets', (engine) => {
    const details = engineFor(engine).connectionDetails(
      { host: '::1', port: 40001 },
      credentials,
      ['app'],
      'app',
    );
    const [database] = details.databases;
    expect(database?.jdbcUrl).toBe(
      `jdbc:${engine === 'postgres' ? 'postgresql' : engine}://[::1]:40001/app${OWN_OPTIONS[engine] ?? ''}`,
    );
    expect(new URL(database?.url ?? '').hostname).toBe('[::1]');
    expect(details.host).toBe('::1');
  });
});
