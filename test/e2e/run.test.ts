import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');

const t = useTestHost();
let image: string;
let project: string;

async function dataclone(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  image = t.imageTag('run');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
  // A Flyway config of the user's own, with a placeholder a migration uses.
  project = await mkdtemp(path.join(os.tmpdir(), 'dataclone-run-'));
  await writeFile(path.join(project, 'flyway.conf'), 'flyway.placeholders.default_tier=silver\n');
  await writeFile(
    path.join(project, 'V3__default_tier.sql'),
    "ALTER TABLE customers ALTER COLUMN loyalty_tier SET DEFAULT '${default_tier}';\n",
  );
});

afterAll(async () => {
  await t.cleanup();
  await rm(project, { recursive: true, force: true });
});

describe('dataclone run (built CLI)', () => {
  it('provisions, migrates with the user Flyway config, tests and tears down, printing one JSON document', async () => {
    const job = `${t.owner}-e2e-run`;
    const check = `const pg=require('pg');(async()=>{const c=new pg.Client({connectionString:process.env.DATACLONE_CUSTOMERS_URL});await c.connect();const r=await c.query("SELECT column_default FROM information_schema.columns WHERE table_name='customers' AND column_name='loyalty_tier'");console.log(r.rows[0].column_default);await c.end();if(!r.rows[0].column_default.includes('silver'))process.exit(4)})()`;
    const result = await dataclone(
      'run',
      '--image',
      image,
      '-f',
      SAMPLE_DEFINITION,
      '--migrations',
      `customers=${path.join(ROOT, 'examples/sample/migrations/customers')}`,
      '--migrations',
      `customers=${project}`,
      '--flyway',
      FLYWAY,
      '--flyway-config',
      path.join(project, 'flyway.conf'),
      '--job',
      job,
      '--json',
      '--',
      process.execPath,
      '-e',
      check,
    );
    expect(result.stderr).toContain('silver');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ step: 'run', success: true, exitCode: 0 });
    expect(summary.steps.map((step: { step: string }) => step.step)).toEqual([
      'provision',
      'migrate',
      'test',
      'teardown',
    ]);
    expect(
      summary.steps[1].databases.map((db: { database: string; targetSchemaVersion: string }) => [
        db.database,
        db.targetSchemaVersion,
      ]),
    ).toEqual([
      ['customers', '3'],
      ['orders', '2'],
    ]);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
  });

  it('passes on the exit code of failing tests, after tearing down', async () => {
    const job = `${t.owner}-e2e-fail`;
    const result = await dataclone(
      'run',
      '--image',
      image,
      '--job',
      job,
      '--',
      process.execPath,
      '-e',
      'process.exit(3)',
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      'migrate: skipped, no migrations for any database of the job (customers, orders, reporting)',
    );
    expect(result.stdout).toMatch(/test: failed \(exit code 3\)/);
    expect(result.stdout).toMatch(/teardown: removed 1 clone/);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
  });

  it('migrate with nothing to run exits 1 and names the databases; a folder that does not exist is named', async () => {
    const job = `${t.owner}-e2e-nothing`;
    try {
      expect((await dataclone('provision', '--image', image, '--job', job)).code).toBe(0);
      const nothing = await dataclone('migrate', '--flyway', FLYWAY, '--job', job);
      expect(nothing.code).toBe(1);
      expect(nothing.stderr).toContain(
        'dataclone: migrate: nothing to migrate: no migrations for any database of the job (customers, orders, reporting)',
      );
      expect(nothing.stderr).toContain('--migrations <database>=<folder>');
      const mistyped = await dataclone(
        'migrate',
        '--migrations',
        'customers=examples/sample/migrations/custmers',
        '--flyway',
        FLYWAY,
        '--job',
        job,
      );
      expect(mistyped.code).toBe(1);
      expect(mistyped.stderr).toContain(
        `migrations folder of database customers, ${path.join(ROOT, 'examples/sample/migrations/custmers')}, does not exist`,
      );
    } finally {
      await dataclone('teardown', '--job', job);
    }
  });
});
