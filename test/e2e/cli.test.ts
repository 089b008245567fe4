import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/index.js');
const run = promisify(execFile);

/** Runs the built CLI as a user would; never throws, returns what it printed and its exit code. */
async function dataclone(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATACLONE_OWNER: t.owner },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const t = useTestHost();

describe('the dataclone CLI (built dist)', () => {
  let image: string;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml':
        'name: cli-test\nengine: postgres\nversion: "15"\ndatabases:\n  - name: shop\n    source: shop.sql\n',
      'shop.sql': 'CREATE TABLE items (id int);\nINSERT INTO items VALUES (1), (2);\n',
    });
    remove = folder.remove;
    image = t.imageTag('cli');
    const built = await dataclone('image', 'build', '-f', folder.definition, '--tag', image, '--json');
    expect(built.stderr).toContain('Restoring database shop (1 of 1)');
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ image, engine: 'postgres', databases: ['shop'] });
  });

  afterAll(async () => {
    await t.cleanup();
    await remove?.();
  });

  it('creates, shows, lists, resets and removes a clone, printing JSON for machines', async () => {
    const name = t.cloneName('cli');
    const created = await dataclone('clone', 'create', '--image', image, '--name', name, '--json');
    expect(created.code).toBe(0);
    const clone = JSON.parse(created.stdout);
    expect(clone).toMatchObject({
      name,
      host: '127.0.0.1',
      user: 'postgres',
      primaryDatabase: 'shop',
      owner: t.owner,
    });
    expect(clone.databases[0].url).toBe(
      `postgresql://postgres:${clone.password}@127.0.0.1:${clone.port}/shop`,
    );
    expect(clone.environment).toMatchObject({
      PGHOST: '127.0.0.1',
      PGPORT: String(clone.port),
      PGDATABASE: 'shop',
    });
    // Log lines never show the password; only the requested result on stdout does.
    expect(created.stderr).not.toContain(clone.password);

    const shown = JSON.parse((await dataclone('clone', 'show', name, '--json')).stdout);
    expect(shown.password).toBe(clone.password);

    const listed = await dataclone('clone', 'list');
    expect(listed.stdout).toMatch(new RegExp(`${name}\\s+running`));

    const reset = JSON.parse((await dataclone('clone', 'reset', name, '--json')).stdout);
    expect(reset).toMatchObject({ port: clone.port, password: clone.password });

    const logs = await dataclone('clone', 'logs', name, '--tail', '5');
    expect(logs.stdout).toContain('dataclone: the clone is ready');
    expect(logs.stdout).not.toContain('password authentication failed');

    expect((await dataclone('clone', 'remove', name)).code).toBe(0);
    expect((await dataclone('clone', 'show', name)).code).toBe(1);
  });

  it('starts a clone on the host network with --networking host, and resets it on the same port', async () => {
    const name = t.cloneName('hostnet');
    const created = await dataclone(
      'clone',
      'create',
      '--image',
      image,
      '--name',
      name,
      '--networking',
      'host',
      '--json',
    );
    expect(created.code).toBe(0);
    const clone = JSON.parse(created.stdout);
    expect(clone).toMatchObject({ name, networking: 'host', host: '127.0.0.1' });
    const reset = JSON.parse((await dataclone('clone', 'reset', name, '--json')).stdout);
    expect(reset).toMatchObject({ networking: 'host', port: clone.port, password: clone.password });
    const shown = await dataclone('clone', 'show', name);
    expect(shown.stdout).toContain('running, host networking)');
    expect((await dataclone('clone', 'remove', name)).code).toBe(0);
  });

  it('prints connection details as a table for people', async () => {
    const name = t.cloneName('table');
    const created = await dataclone('clone', 'create', '--image', image, '--name', name);
    expect(created.stdout).toMatch(/^password {2}[A-Za-z0-9]{32}$/m);
    expect(created.stdout).toMatch(/shop \(primary\)\s+postgresql:\/\//);
  });

  it.each([
    [['clone', 'frobnicate'], 2, /unknown command 'clone frobnicate'/],
    [['clone', 'create'], 2, /--image is required/],
    [['clone', 'create', '--image', 'x', '--colour', 'red'], 2, /Unknown option '--colour'/],
    [
      ['clone', 'create', '--image', 'x', '--networking', 'overlay'],
      2,
      /--networking: 'overlay' is not a way of networking clones/,
    ],
    [['clone', 'reset'], 2, /missing <name>/],
    [
      ['provision', '--environment', 'e.yaml', '--networking', 'host'],
      2,
      /--networking host is for one clone/,
    ],
    [['clone', 'remove', 'no-such-clone'], 1, /no clone named 'no-such-clone'/],
    [['image', 'build', '-f', '/nonexistent/dataclone.yaml'], 1, /nonexistent\/dataclone\.yaml/],
    [['provision'], 2, /--image or --environment is required/],
    [
      ['provision', '--image', 'x:1', '--environment', 'e.yaml'],
      2,
      /give --image or --environment, not both/,
    ],
    [
      ['provision', '--environment', '/nonexistent/env.yaml'],
      1,
      /environment file \/nonexistent\/env\.yaml does not exist/,
    ],
  ])('fails clearly for %j', async (args, code, message) => {
    const result = await dataclone(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
