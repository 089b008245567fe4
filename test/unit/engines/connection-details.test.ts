import { describe, expect, it } from 'vitest';
import { engineFor } from '../../../src/engines/index.js';

const endpoint = { host: '127.0.0.1', port: 40001 };
const credentials = { user: 'root', password: 'p@ss/word' };

describe('connection details per engine', () => {
  it('mariadb: mysql:// URLs with the password encoded, MariaDB JDBC URLs, MYSQL_* variables', () => {
    const details = engineFor('mariadb').connectionDetails(
      endpoint,
      credentials,
      ['inventory', 'sales'],
      'sales',
    );
    expect(details.databases).toEqual([
      {
        name: 'inventory',
        url: 'mysql://root:p%40ss%2Fword@127.0.0.1:40001/inventory',
        jdbcUrl: 'jdbc:mariadb://127.0.0.1:40001/inventory',
      },
      {
        name: 'sales',
        url: 'mysql://root:p%40ss%2Fword@127.0.0.1:40001/sales',
        jdbcUrl: 'jdbc:mariadb://127.0.0.1:40001/sales',
      },
    ]);
    expect(details.clientEnvironment).toEqual({
      MYSQL_HOST: '127.0.0.1',
      MYSQL_TCP_PORT: '40001',
      MYSQL_USER: 'root',
      MYSQL_PWD: 'p@ss/word',
      MYSQL_DATABASE: 'sales',
    });
  });

  it("mysql: MySQL Connector/J URLs that let it fetch the server's RSA key (caching_sha2_password without TLS)", () => {
    const details = engineFor('mysql').connectionDetails(endpoint, credentials, ['app'], 'app');
    expect(details.engine).toBe('mysql');
    expect(details.databases[0]?.jdbcUrl).toBe(
      'jdbc:mysql://127.0.0.1:40001/app?allowPublicKeyRetrieval=true',
    );
  });

  it('postgres: postgresql:// URLs and PG* variables', () => {
    const details = engineFor('postgres').connectionDetails(endpoint, credentials, ['app'], 'app');
    expect(details.databases[0]).toEqual({
      name: 'app',
      url: 'postgresql://root:p%40ss%2Fword@127.0.0.1:40001/app',
      jdbcUrl: 'jdbc:postgresql://127.0.0.1:40001/app',
    });
    expect(details.clientEnvironment).toMatchObject({ PGPORT: '40001', PGDATABASE: 'app' });
  });

  it('an engine dataclone does not know', () => {
    expect(() => engineFor('oracle')).toThrow(
      "engine 'oracle' is not supported by this version of dataclone",
    );
  });
});
