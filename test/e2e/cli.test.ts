import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/index.js');
const run = promisify(execFile);

/** The environment of a CLI call: outside any CI job (the tests may run in one), unless `ci` says which. */
function cliEnvironment(ci: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATACLONE_OWNER: t.owner, ...ci };
  if (!ci.GITHUB_ACTIONS) delete env.GITHUB_ACTIONS;
  if (!ci.TF_BUILD) delete env.TF_BUILD;
  return env;
}

/** Runs the built CLI as a user would; never throws, returns what it printed and its exit code. */
async function dataclone(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: cliEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs the built CLI in a CI job's step: stdout and stderr into one log, in the order written, as the runner reads them. */
async function datacloneInJobLog(ci: Record<string, string>, ...args: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-log-'));
  const file = path.join(dir, 'log');
  const fd = openSync(file, 'w');
  try {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: cliEnvironment(ci),
      stdio: ['ignore', fd, fd],
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    return await readFile(file, 'utf8');
  } finally {
    closeSync(fd);
    await rm(dir, { recursive: true, force: true });
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

  it('prints connection details as a table for people, the password as *** unless --show-password', async () => {
    const name = t.cloneName('table');
    const created = await dataclone('clone', 'create', '--image', image, '--name', name);
    expect(created.stdout).toMatch(/^password {2}\*\*\*$/m);
    expect(created.stdout).toMatch(/shop \(primary\)\s+postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:/);
    const password = JSON.parse((await dataclone('clone', 'show', name, '--json')).stdout).password;
    const shown = await dataclone('clone', 'show', name, '--show-password');
    expect(shown.stdout).toMatch(new RegExp(`^password {2}${password}$`, 'm'));
  });

  it('never shows a password in the human output of any command', async () => {
    const name = t.cloneName('masked');
    const job = `${t.owner}-masked`;
    const outputs = [await dataclone('clone', 'create', '--image', image, '--name', name)];
    outputs.push(await dataclone('clone', 'show', name));
    outputs.push(await dataclone('clone', 'reset', name));
    outputs.push(await dataclone('provision', '--image', image, '--job', job));
    outputs.push(await dataclone('reset', '--job', job));
    outputs.push(await dataclone('clone', 'list'));
    const clones = JSON.parse((await dataclone('clone', 'list', '--json')).stdout) as {
      owner: string;
      name: string;
      password: string;
    }[];
    const passwords = clones
      .filter((clone) => clone.name === name || clone.owner === job)
      .map((clone) => clone.password);
    expect(passwords).toHaveLength(2);
    for (const output of outputs) {
      expect(output.code).toBe(0);
      for (const password of passwords) expect(output.stdout + output.stderr).not.toContain(password);
    }
    expect((await dataclone('teardown', '--job', job)).code).toBe(0);
  });

  it.each([
    ['GitHub Actions', { GITHUB_ACTIONS: 'true' }, '::add-mask::'],
    ['Azure Pipelines', { TF_BUILD: 'True' }, '##vso[task.setsecret]'],
  ])(
    'under %s, hands every password to the platform before the first line that shows it, --json included',
    async (_platform, ci, mask) => {
      const name = t.cloneName('ci');
      const logs = [
        await datacloneInJobLog(ci, 'clone', 'create', '--image', image, '--name', name, '--show-password'),
      ];
      const password = /^password {2}([A-Za-z0-9]{32})$/m.exec(logs[0] ?? '')?.[1] ?? '';
      expect(password).not.toBe('');
      logs.push(
        await datacloneInJobLog(ci, 'clone', 'create', '--image', image, '--name', `${name}-json`, '--json'),
      );
      logs.push(await datacloneInJobLog(ci, 'clone', 'show', name, '--json'));
      logs.push(await datacloneInJobLog(ci, 'clone', 'show', name, '--show-password'));
      logs.push(await datacloneInJobLog(ci, 'clone', 'reset', name, '--json'));
      logs.push(await datacloneInJobLog(ci, 'clone', 'list', '--json'));
      const jsonPassword = /"password": "([A-Za-z0-9]{32})"/.exec(logs[1] ?? '')?.[1] ?? '';
      // The platform's command goes to stderr with --json: stdout stays one JSON document.
      const { stdout } = await run(process.execPath, [CLI, 'clone', 'show', name, '--json'], {
        env: cliEnvironment(ci),
      });
      expect(JSON.parse(stdout)).toMatchObject({ name, password });
      for (const [index, log] of logs.entries()) {
        const secret = index === 1 ? jsonPassword : password;
        expect(log.indexOf(secret), log).toBe(log.indexOf(`${mask}${secret}\n`) + mask.length);
      }
    },
  );

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
