import { describe, expect, it } from 'vitest';
import type { Clone } from '../../../src/clones/clone.js';
import type { Engine } from '../../../src/engines/engine.js';
import { mysqlEngine } from '../../../src/engines/mysql.js';
import { postgresEngine } from '../../../src/engines/postgres.js';
import { connectionEnvironment, environmentName } from '../../../src/pipeline/connection-environment.js';

function clone(databases: string[], primary: string, engine: Engine = postgresEngine, port = 5433): Clone {
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
    connection: engine.connectionDetails(
      { host: '127.0.0.1', port },
      { user: 'postgres', password: 'pw' },
      databases,
      primary,
    ),
  };
}

describe('connectionEnvironment', () => {
  it('gives DATABASE_URL for the primary database, a URL per database and the client variables', () => {
    expect(connectionEnvironment([clone(['customers', 'order-items'], 'order-items')]).variables).toEqual({
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
    expect(connectionEnvironment([])).toEqual({ variables: {}, collisions: [] });
  });

  describe('in an environment', () => {
    const shop = { ...clone(['customers', 'sales'], 'customers'), name: 'env-shop', instance: 'shop' };
    const warehouse = {
      ...clone(['Sales', 'inventory'], 'Sales', mysqlEngine('mariadb'), 3307),
      name: 'env-warehouse',
      instance: 'warehouse',
    };

    it('gives every database a variable qualified by its instance', () => {
      const { variables } = connectionEnvironment([shop, warehouse]);
      expect(variables).toMatchObject({
        DATACLONE_SHOP_SALES_URL: 'postgresql://postgres:pw@127.0.0.1:5433/sales',
        DATACLONE_SHOP_SALES_JDBC_URL: 'jdbc:postgresql://127.0.0.1:5433/sales',
        DATACLONE_WAREHOUSE_SALES_URL: expect.stringMatching(/^mysql:\/\/.*@127\.0\.0\.1:3307\/Sales$/),
        DATACLONE_WAREHOUSE_SALES_JDBC_URL: 'jdbc:mariadb://127.0.0.1:3307/Sales',
        DATACLONE_WAREHOUSE_INVENTORY_URL: expect.stringMatching(/3307\/inventory$/),
        DATACLONE_SHOP_DATABASE_URL: 'postgresql://postgres:pw@127.0.0.1:5433/customers',
      });
    });

    it('sets the short form only for a database name no other instance has', () => {
      const { variables } = connectionEnvironment([shop, warehouse]);
      expect(variables.DATACLONE_CUSTOMERS_URL).toBe('postgresql://postgres:pw@127.0.0.1:5433/customers');
      expect(variables.DATACLONE_INVENTORY_JDBC_URL).toBe('jdbc:mariadb://127.0.0.1:3307/inventory');
      expect(variables).not.toHaveProperty('DATACLONE_SALES_URL');
      expect(variables).not.toHaveProperty('DATACLONE_SALES_JDBC_URL');
    });

    it('reports a shared name once, naming both instances and the variables to use', () => {
      expect(connectionEnvironment([shop, warehouse]).collisions).toEqual([
        "DATACLONE_SALES_URL and DATACLONE_SALES_JDBC_URL are not set: database 'sales' of instance 'shop' and database 'Sales' of instance 'warehouse' would all be named so. Use DATACLONE_SHOP_SALES_URL and DATACLONE_WAREHOUSE_SALES_URL (and their _JDBC_URL).",
      ]);
    });

    it('has no collision when every name is unique', () => {
      const other = { ...warehouse, connection: { ...warehouse.connection, databases: [] } };
      expect(connectionEnvironment([shop, other]).collisions).toEqual([]);
    });

    it('keeps the first of two instances whose names upper-case alike, and says so', () => {
      const twin = { ...shop, name: 'env-shop2', instance: 'Shop', connection: warehouse.connection };
      const { variables, collisions } = connectionEnvironment([shop, twin]);
      expect(variables.DATACLONE_SHOP_PORT).toBe('5433');
      expect(collisions[0]).toMatch(
        /^DATACLONE_SHOP_PORT, .* are those of instance 'shop'; instance 'Shop' would have the same names\.$/,
      );
    });
  });

  it.each([
    ['orders', 'ORDERS'],
    ['order-items', 'ORDER_ITEMS'],
    ['my.db', 'MY_DB'],
    ['Sales', 'SALES'],
    ['sales--2024', 'SALES_2024'],
    ['café', 'CAF_'],
  ])('names %s as %s in variable names', (name, expected) => {
    expect(environmentName(name)).toBe(expected);
  });
});
