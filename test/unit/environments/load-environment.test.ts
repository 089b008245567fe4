import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentMigrations } from '../../../src/environments/environment-migrations.js';
import { loadEnvironment } from '../../../src/environments/load-environment.js';
import { writeDefinitionFolder } from '../../support/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/environment/dataclone.environment.yaml');

const folders: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((remove) => remove()));
});

async function environmentFile(text: string): Promise<string> {
  const folder = await writeDefinitionFolder({ 'env.yaml': text });
  folders.push(folder.remove);
  return path.join(folder.dir, 'env.yaml');
}

async function errorOf(text: string): Promise<string> {
  const file = await environmentFile(text);
  const error = await loadEnvironment(file).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('expected the environment to be refused');
  return error.message.replace(file, 'env.yaml');
}

describe('environment files', () => {
  it('resolves the example: images named after the definitions, migrations per instance and database', async () => {
    const environment = await loadEnvironment(EXAMPLE);
    expect(environment.name).toBe('shop-and-warehouse');
    expect(environment.instances.map((i) => [i.name, i.image])).toEqual([
      ['shop', 'dataclone/sample-shop:latest'],
      ['warehouse', 'dataclone/warehouse:latest'],
    ]);
    expect(Object.keys(environmentMigrations(environment))).toEqual([
      'shop.customers',
      'shop.orders',
      'warehouse.inventory',
      'warehouse.sales',
    ]);
    expect(environmentMigrations(environment)['warehouse.sales']).toEqual([
      path.join(ROOT, 'examples/warehouse/migrations/sales'),
    ]);
  });

  it('an image given beside a definition wins; migrations given in the file are added, relative to it', async () => {
    const file = await environmentFile(
      `name: e\ninstances:\n  - name: app\n    image: registry.example.com/app:nightly\n    migrations:\n      app: db/migrations\n`,
    );
    const environment = await loadEnvironment(file);
    expect(environment.instances[0]).toEqual({
      name: 'app',
      image: 'registry.example.com/app:nightly',
      migrations: { app: [path.join(path.dirname(file), 'db/migrations')] },
    });
  });

  it.each([
    ['no instances', 'name: e\ninstances: []\n', '2:12: instances: must list at least one entry'],
    [
      'an instance with neither image nor definition',
      'name: e\ninstances:\n  - name: app\n',
      "3:5: instances[0]: instance 'app' names no data image",
    ],
    [
      'two instances of the same name',
      'name: e\ninstances:\n  - name: app\n    image: a:1\n  - name: app\n    image: b:1\n',
      "5:11: instances[1].name: 'app' is already the name of instances[0]",
    ],
    [
      'an instance name that is no host name',
      'name: e\ninstances:\n  - name: App_1\n    image: a:1\n',
      "3:11: instances[0].name: an instance name is lowercase letters, digits and '-', starting with a letter",
    ],
    [
      'an unknown field',
      'name: e\ninstances:\n  - name: app\n    imagee: a:1\n',
      "4:5: instances[0]: unknown field 'imagee'; did you mean 'image'?",
    ],
    [
      'a definition that does not exist',
      'name: e\ninstances:\n  - name: app\n    definition: nowhere/dataclone.yaml\n',
      '4:17: instances[0].definition: the image definition nowhere/dataclone.yaml cannot be used',
    ],
  ])('%s', async (_case, text, expected) => {
    expect(await errorOf(text)).toContain(`env.yaml:${expected}`);
  });

  it('a file that does not exist', async () => {
    await expect(loadEnvironment('/nonexistent/env.yaml')).rejects.toThrow(
      'environment file /nonexistent/env.yaml does not exist',
    );
  });
});
