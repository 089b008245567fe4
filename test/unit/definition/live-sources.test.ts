import { describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import type { LiveSource } from '../../../src/definition/types.js';
import { readCredentials } from '../../../src/sources/live-source.js';
import { definitionWith, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();
const MARIADB = 'name: shop\nengine: mariadb\nversion: "10.11"\n';

async function loadError(yaml: string): Promise<DatacloneError> {
  const error: unknown = await folder.load(yaml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatacloneError);
  return error as DatacloneError;
}

describe('a live source of a database', () => {
  it('is a URL: host, port and database taken apart, the user from the URL', async () => {
    const definition = await folder.load(
      definitionWith(
        'databases:\n  - name: orders\n    source: postgresql://reader@reporting-replica:5433/orders_prod?sslmode=require\n',
      ),
    );
    expect(definition.databases[0]?.source).toEqual({
      kind: 'live',
      url: 'postgresql://reader@reporting-replica:5433/orders_prod?sslmode=require',
      host: 'reporting-replica',
      port: 5433,
      database: 'orders_prod',
      user: 'reader',
      sslmode: 'require',
      field: expect.stringMatching(/dataclone\.yaml:6:13: databases\[0\]\.source$/),
    });
  });

  it("is a url with the environment variables of its credentials, the engine's port and the entry's database by default", async () => {
    const definition = await folder.load(
      definitionWith(
        'databases:\n  - name: sales\n    source:\n      url: mysql://replica.internal\n      userEnv: REPLICA_USER\n      passwordEnv: REPLICA_PASSWORD\n',
        MARIADB,
      ),
    );
    expect(definition.databases[0]?.source).toMatchObject({
      kind: 'live',
      host: 'replica.internal',
      port: 3306,
      database: 'sales',
      userEnv: 'REPLICA_USER',
      passwordEnv: 'REPLICA_PASSWORD',
    });
  });

  it('is refused with a password in the URL, and the error does not repeat it', async () => {
    const error = await loadError(
      definitionWith(
        'databases:\n  - name: orders\n    source: postgresql://reader:s3cret-pw@replica/orders\n',
      ),
    );
    expect(error.message).toMatch(
      /databases\[0\]\.source: the URL "postgresql:\/\/reader@replica\/orders" carries a password/,
    );
    expect(`${error.message}\n${error.hint}`).not.toContain('s3cret-pw');
    expect(error.hint).toMatch(/passwordEnv/);
  });

  it.each([
    [
      'a URL of another engine',
      'mysql://reader@replica/orders',
      /is a mysql:\/\/ URL, and this image's engine is postgres/,
    ],
    ['no user anywhere', 'postgresql://replica/orders', /names no user to log in as/],
    [
      'an option it does not take',
      'postgresql://reader@replica/orders?application_name=x',
      /sets application_name/,
    ],
    [
      'a database name libpq would read as options',
      'postgresql://reader@replica/a=b',
      /names database 'a=b'/,
    ],
  ])('is refused with %s', async (_case, url, message) => {
    const error = await loadError(definitionWith(`databases:\n  - name: orders\n    source: ${url}\n`));
    expect(error.message).toMatch(message);
  });

  it('takes no format or createsDatabase, which describe a file', async () => {
    const error = await loadError(
      definitionWith(
        'databases:\n  - name: orders\n    source: postgresql://reader@replica/orders\n    format: sql\n',
      ),
    );
    expect(error.message).toMatch(
      /databases\[0\]\.format: format describes a file, and this source is a live server/,
    );
  });

  it('adds nothing but its text to the digest: the server holds what it holds when the build runs', async () => {
    const yaml = definitionWith(
      'databases:\n  - name: orders\n    source: postgresql://reader@replica/orders\n',
    );
    const first = await folder.load(yaml);
    expect((await folder.load(yaml)).digest).toBe(first.digest);
    expect((await folder.load(yaml.replace('replica', 'replica2'))).digest).not.toBe(first.digest);
  });
});

describe('a live source of a whole server', () => {
  it('is an instance source whose databases are found once it is dumped', async () => {
    const definition = await folder.load(
      definitionWith(
        'instance:\n  source:\n    url: postgresql://replica:5432\n    userEnv: U\n    passwordEnv: P\ndatabases:\n  - name: orders\n',
      ),
    );
    expect(definition.instance?.source).toMatchObject({ kind: 'live', host: 'replica', port: 5432 });
    expect(definition.instance?.source).not.toHaveProperty('database');
    expect(definition.databases[0]?.source).toEqual({ kind: 'instance' });
  });

  it('names no database on MySQL and MariaDB, where it dumps every one', async () => {
    const error = await loadError(
      definitionWith('instance:\n  source: mysql://root@replica/sales\n', MARIADB),
    );
    expect(error.message).toMatch(
      /instance\.source: the instance source "mysql:\/\/root@replica\/sales" names database 'sales'/,
    );
  });
});

describe('the credentials of a live source', () => {
  const source: LiveSource = {
    kind: 'live',
    url: 'postgresql://replica:5432/orders',
    host: 'replica',
    port: 5432,
    database: 'orders',
    userEnv: 'REPLICA_USER',
    passwordEnv: 'REPLICA_PASSWORD',
    field: 'dataclone.yaml:6:13: databases[0].source',
  };

  it('are read from the environment variables the definition names', () => {
    expect(readCredentials(source, { REPLICA_USER: 'reader', REPLICA_PASSWORD: 'pw' })).toEqual({
      user: 'reader',
      password: 'pw',
    });
  });

  it('fail at the build, naming the variable and the field, when a variable is not set', () => {
    expect(() => readCredentials(source, { REPLICA_USER: 'reader' })).toThrow(
      'dataclone.yaml:6:13: databases[0].source.passwordEnv: the environment variable REPLICA_PASSWORD is not set, so the build cannot log in to postgresql://replica:5432/orders',
    );
  });
});
