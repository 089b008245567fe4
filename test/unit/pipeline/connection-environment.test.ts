import { describe, expect, it } from 'vitest';
import type { Clone } from '../../../src/clones/clone.js';
import { postgresEngine } from '../../../src/engines/postgres.js';
import { connectionEnvironment, environmentName } from '../../../src/pipeline/connection-environment.js';

function clone(databases: string[], primary: string): Clone {
  return {
    name: 'c1',
    containerId: 'id',
    image: 'shop:1',
    imageId: 'sha256:1',
    engine: 'postgres',
    owner: 'job',
    created: '',
    status: 'running',
    bindAddress: '127.0.0.1',
    networking: 'bridge',
    connection: postgresEngine.connectionDetails(
      { host: '127.0.0.1', port: 5433 },
      { user: 'postgres', password: 'pw' },
      databases,
      primary,
    ),
  };
}

describe('connectionEnvironment', () => {
  it('gives DATABASE_URL for the primary database, a URL per database and the client variables', () => {
    expect(connectionEnvironment([clone(['customers', 'order-items'], 'order-items')])).toEqual({
      DATABASE_URL: 'postgresql://postgres:pw@127.0.0.1:5433/order-items',
      JDBC_DATABASE_URL: 'jdbc:postgresql://127.0.0.1:5433/order-items',
      PGHOST: '127.0.0.1',
      PGPORT: '5433',
      PGUSER: 'postgres',
      PGPASSWORD: 'pw',
      PGDATABASE: 'order-items',
      DATACLONE_HOST: '127.0.0.1',
      DATACLONE_PORT: '5433',
      DATACLONE_USER: 'postgres',
      DATACLONE_PASSWORD: 'pw',
      DATACLONE_CUSTOMERS_URL: 'postgresql://postgres:pw@127.0.0.1:5433/customers',
      DATACLONE_CUSTOMERS_JDBC_URL: 'jdbc:postgresql://127.0.0.1:5433/customers',
      DATACLONE_ORDER_ITEMS_URL: 'postgresql://postgres:pw@127.0.0.1:5433/order-items',
      DATACLONE_ORDER_ITEMS_JDBC_URL: 'jdbc:postgresql://127.0.0.1:5433/order-items',
    });
  });

  it('is empty for a job without clones', () => {
    expect(connectionEnvironment([])).toEqual({});
  });

  it.each([
    ['orders', 'ORDERS'],
    ['order-items', 'ORDER_ITEMS'],
    ['my.db', 'MY_DB'],
  ])('names %s as %s in variable names', (name, expected) => {
    expect(environmentName(name)).toBe(expected);
  });
});
