import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { migrate } from '../../src/pipeline/migrate.js';
import { provision } from '../../src/pipeline/provision.js';
import { resetJob } from '../../src/pipeline/reset.js';
import { runJob } from '../../src/pipeline/run-job.js';
import { runTests } from '../../src/pipeline/run-tests.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');
const MIGRATIONS = {
  customers: [path.join(ROOT, 'examples/sample/migrations/customers')],
  orders: [path.join(ROOT, 'examples/sample/migrations/orders')],
};

/** A test command that queries both databases and fails unless the migrations are there. */
const CHECK_BOTH = `
const pg = require('pg');
(async () => {
  for (const [name, sql] of [['CUSTOMERS', 'SELECT count(*) FROM customers WHERE loyalty_tier = \\'gold\\''], ['ORDERS', 'SELECT count(*) FROM orders WHERE status = \\'delivered\\'']]) {
    const client = new pg.Client({ connectionString: process.env['DATACLONE_' + name + '_URL'] });
    await client.connect();
    console.log(name.toLowerCase(), (await client.query(sql)).rows[0].count);
    await client.end();
  }
  if (!process.env.DATABASE_URL || !process.env.PGPASSWORD || !process.env.DATACLONE_CUSTOMERS_JDBC_URL) process.exit(3);
})().catch((error) => { console.error(error.message); process.exit(2); });
`;

const t = useTestHost();
let image: string;

function job(suffix: string): Job {
  return { host: t.host, reporter: t.reporter, owner: `${t.owner}-${suffix}` };
}

async function jobContainers(owner: string): Promise<string[]> {
  return t.host.findContainers({ 'dataclone.owner': owner });
}

beforeAll(async () => {
  image = t.imageTag('pipeline');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
});

afterAll(() => t.cleanup());

describe('the pipeline steps', () => {
  it('provision, migrate in dependency order, test both databases, reset, migrate again, teardown', async () => {
    const j = job('flow');
    const provisioned = await provision(j, { image });
    const clone = provisioned.clones[0]!;
    const log = path.join(await mkdtemp(path.join(os.tmpdir(), 'dataclone-flyway-')), 'calls.jsonl');
    process.env.DATACLONE_FLYWAY_STANDIN_LOG = log;
    try {
      const migrated = await migrate(j, { migrations: MIGRATIONS, flyway: { executable: FLYWAY } });
      expect(migrated.success).toBe(true);
      expect(
        migrated.databases.map((db) => [
          db.database,
          db.migrations.map((m) => m.version),
          db.targetSchemaVersion,
        ]),
      ).toEqual([
        ['customers', ['2'], '2'],
        ['orders', ['2'], '2'],
      ]);
      // Credentials reach Flyway through its environment only.
      const calls = (await readFile(log, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(calls).toHaveLength(2);
      for (const call of calls) {
        expect(call.argv.join(' ')).not.toContain(clone.connection.password);
        expect(call.env).toContain('FLYWAY_PASSWORD');
        expect(call.argv).toEqual(expect.arrayContaining(['-outputType=json', 'migrate']));
      }
    } finally {
      delete process.env.DATACLONE_FLYWAY_STANDIN_LOG;
      await rm(path.dirname(log), { recursive: true, force: true });
    }

    const tested = await runTests(j, { command: [process.execPath, '-e', CHECK_BOTH], cwd: ROOT });
    expect(tested).toMatchObject({ exitCode: 0, passed: true });

    await resetJob(j);
    await expect(query(clone, 'customers', 'SELECT loyalty_tier FROM customers LIMIT 1')).rejects.toThrow(
      /loyalty_tier/,
    );
    const failingTests = await runTests(j, { command: [process.execPath, '-e', CHECK_BOTH], cwd: ROOT });
    expect(failingTests.exitCode).toBe(2);

    const again = await migrate(j, { migrations: MIGRATIONS, flyway: { executable: FLYWAY } });
    expect(again.databases.map((db) => db.migrationsExecuted)).toEqual([1, 1]);

    const removed = await teardown(j);
    expect(removed.removed).toEqual([clone.name]);
    expect(await jobContainers(j.owner)).toEqual([]);
  });

  it('runs the whole job in one call, tearing down even when the tests fail', async () => {
    const j = job('run');
    const result = await runJob(j, {
      provision: { image },
      migrate: { migrations: MIGRATIONS, flyway: { executable: FLYWAY } },
      test: { command: [process.execPath, '-e', 'process.exit(7)'] },
    });
    expect(result).toMatchObject({ success: false, exitCode: 7 });
    expect(result.steps.map((step) => step.step)).toEqual(['provision', 'migrate', 'test', 'teardown']);
    expect(await jobContainers(j.owner)).toEqual([]);
  });

  it("stops at the first database whose migration fails, with Flyway's own error, and keeps the clone for teardown", async () => {
    const j = job('failing');
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bad-migration-'));
    await writeFile(path.join(folder, 'V2__broken.sql'), 'ALTER TABLE no_such_table ADD COLUMN x int;\n');
    try {
      await provision(j, { image });
      const result = await migrate(j, {
        migrations: { customers: [folder], orders: MIGRATIONS.orders },
        flyway: { executable: FLYWAY },
      });
      expect(result.success).toBe(false);
      expect(result.databases).toHaveLength(1);
      expect(result.databases[0]?.error).toMatchObject({
        code: 'FAILED_VERSIONED_MIGRATION',
        message: expect.stringContaining('no_such_table'),
      });
      expect(await jobContainers(j.owner)).toHaveLength(1);
    } finally {
      await teardown(j);
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("runs the Flyway callbacks of a migrations folder in Flyway's order, with ${flyway:defaultSchema} and the other flyway placeholders replaced", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-callbacks-'));
    const logged = (event: string, detail = 'NULL') =>
      `CREATE TABLE IF NOT EXISTS \${flyway:defaultSchema}.callback_log (seq serial PRIMARY KEY, event text NOT NULL, detail text);\nINSERT INTO \${flyway:defaultSchema}.callback_log (event, detail) VALUES ('${event}', ${detail});\n`;
    const files: Record<string, string> = {
      'V2__add_flag.sql': 'ALTER TABLE customers ADD COLUMN flag boolean;\n',
      'V3__add_note.sql': 'ALTER TABLE customers ADD COLUMN note text;\n',
      'R__customer_flags.sql': 'CREATE OR REPLACE VIEW customer_flags AS SELECT id, flag FROM customers;\n',
      'afterBaseline.sql': logged('afterBaseline'),
      'beforeMigrate.sql': logged('beforeMigrate', "'${flyway:filename}'"),
      'beforeEachMigrate.sql': logged('beforeEachMigrate'),
      'afterEachMigrate.sql': logged('afterEachMigrate'),
      'afterVersioned.sql': logged('afterVersioned'),
      'beforeRepeatables.sql': logged('beforeRepeatables'),
      'afterMigrateApplied.sql': logged('afterMigrateApplied'),
      'afterMigrate.sql': logged(
        'afterMigrate',
        "'${flyway:defaultSchema} ${flyway:database} ${flyway:user} ${flyway:table} ${flyway:environment}'",
      ),
      'afterMigrate__grant_reader.sql': logged('afterMigrate', "'grant reader ${tier}'"),
      'afterMigrateError.sql': logged('afterMigrateError'),
    };
    for (const [name, sql] of Object.entries(files)) await writeFile(path.join(folder, name), sql);
    const reporter = new RecordingReporter();
    const j = { ...job('callbacks'), reporter };
    try {
      const [clone] = (await provision(j, { image })).clones;
      const options = {
        migrations: { customers: [folder] },
        flyway: { executable: FLYWAY, placeholders: { tier: 'gold' } },
      };
      const first = await migrate(j, options);
      expect(first.databases[0]?.error).toBeUndefined();
      expect(first.success).toBe(true);
      expect(first.databases[0]).toMatchObject({
        initialSchemaVersion: '1',
        targetSchemaVersion: '3',
        migrations: [
          { version: '2', category: 'Versioned' },
          { version: '3', category: 'Versioned' },
          { version: '', description: 'customer flags', category: 'Repeatable' },
        ],
      });
      expect(reporter.lines).toContain('flyway: Migrating schema "public" to version "3 - add note"');
      expect(reporter.lines).toContain(
        'flyway: Migrating schema "public" with repeatable migration "customer flags"',
      );
      expect(reporter.lines).toContain('flyway: Executing SQL callback: afterMigrate - grant reader');
      expect(reporter.lines).toContain(
        'customers: migrations applied: 3 (2 → 3, 1 repeatable); schema version 3',
      );

      const second = await migrate(j, options);
      expect(second.databases[0]).toMatchObject({ migrationsExecuted: 0, initialSchemaVersion: '3' });
      expect(second.databases[0]?.targetSchemaVersion).toBeUndefined();

      const rows = await query<{ event: string; detail: string | null }>(
        clone!,
        'customers',
        'SELECT event, detail FROM callback_log ORDER BY seq',
      );
      const each = ['beforeEachMigrate', 'afterEachMigrate'];
      expect(rows.map((row) => row.event)).toEqual([
        'afterBaseline',
        'beforeMigrate',
        ...each,
        ...each,
        'afterVersioned',
        'beforeRepeatables',
        ...each,
        'afterMigrateApplied',
        'afterMigrate',
        'afterMigrate',
        // The second migrate: nothing to apply, so no afterMigrateApplied.
        'beforeMigrate',
        'afterVersioned',
        'afterMigrate',
        'afterMigrate',
      ]);
      expect(rows[1]?.detail).toBe('beforeMigrate.sql');
      expect(rows.filter((row) => row.event === 'afterMigrate').map((row) => row.detail)).toEqual([
        'public customers postgres flyway_schema_history default',
        'grant reader gold',
        'public customers postgres flyway_schema_history default',
        'grant reader gold',
      ]);
      // Callbacks are not migrations: the history holds the baseline and the three migrations.
      const history = await query<{ script: string }>(
        clone!,
        'customers',
        'SELECT script FROM flyway_schema_history ORDER BY installed_rank',
      );
      expect(history.map((row) => row.script)).toEqual([
        '<< Flyway Baseline >>',
        'V2__add_flag.sql',
        'V3__add_note.sql',
        'R__customer_flags.sql',
      ]);
    } finally {
      await teardown(j);
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('runs afterMigrateError, not afterMigrate, when a migration fails', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-callbacks-error-'));
    await writeFile(path.join(folder, 'V2__broken.sql'), 'ALTER TABLE no_such_table ADD COLUMN x int;\n');
    await writeFile(
      path.join(folder, 'afterMigrateError.sql'),
      'CREATE TABLE ${flyway:defaultSchema}.migrate_failed AS SELECT now() AS at;\n',
    );
    await writeFile(
      path.join(folder, 'afterMigrate.sql'),
      'CREATE TABLE migrate_succeeded (at timestamp);\n',
    );
    const j = job('callbacks-error');
    try {
      const [clone] = (await provision(j, { image })).clones;
      const result = await migrate(j, {
        migrations: { customers: [folder] },
        flyway: { executable: FLYWAY },
      });
      expect(result.databases[0]?.error?.code).toBe('FAILED_VERSIONED_MIGRATION');
      expect(await query(clone!, 'customers', 'SELECT at FROM migrate_failed')).toHaveLength(1);
      await expect(query(clone!, 'customers', 'SELECT at FROM migrate_succeeded')).rejects.toThrow(
        /migrate_succeeded/,
      );
    } finally {
      await teardown(j);
      await rm(folder, { recursive: true, force: true });
    }
  });

  describe('nothing to migrate', () => {
    it('migrate fails naming the definition and the databases; a folder that does not exist is named', async () => {
      const j = job('nomigrations');
      await provision(j, { image });
      try {
        await expect(
          migrate(j, { migrations: {}, flyway: { executable: FLYWAY }, sources: ['db/dataclone.yaml'] }),
        ).rejects.toMatchObject({
          message:
            'migrate: nothing to migrate: no migrations for any database of the job (customers, orders, reporting): none has a migrations: folder in db/dataclone.yaml, and none was given with --migrations',
          hint: expect.stringContaining('--migrations <database>=<folder>'),
        });
        await expect(
          migrate(j, {
            migrations: { customers: [path.join(ROOT, 'examples/sample/migrations/custmers')] },
            flyway: { executable: FLYWAY },
          }),
        ).rejects.toThrow(
          `migrate: the migrations folder of database customers, ${path.join(ROOT, 'examples/sample/migrations/custmers')}, does not exist`,
        );
      } finally {
        await teardown(j);
      }
    });

    it('run goes on to the tests and its migrate step says it was skipped', async () => {
      const j = job('run-nomigrations');
      const result = await runJob(j, {
        provision: { image },
        test: { command: [process.execPath, '-e', 'process.exit(0)'] },
      });
      expect(result).toMatchObject({ success: true, exitCode: 0 });
      expect(result.steps.map((step) => step.step)).toEqual(['provision', 'migrate', 'test', 'teardown']);
      expect(result.steps[1]).toMatchObject({
        success: true,
        databases: [],
        skipped: expect.stringContaining(
          'no migrations for any database of the job (customers, orders, reporting)',
        ),
      });
    });
  });

  describe('faults', () => {
    it('a Flyway that is not there', async () => {
      const j = job('noflyway');
      await provision(j, { image });
      try {
        await expect(
          migrate(j, { migrations: MIGRATIONS, flyway: { executable: '/nonexistent/flyway' } }),
        ).rejects.toThrow('Flyway was not found at /nonexistent/flyway');
      } finally {
        await teardown(j);
      }
    });

    it('a test command that is not found', async () => {
      const j = job('nocommand');
      await provision(j, { image });
      try {
        await expect(runTests(j, { command: ['no-such-test-runner'] })).rejects.toThrow(
          'test command not found: no-such-test-runner',
        );
      } finally {
        await teardown(j);
      }
    });

    it('provision from an image that does not exist leaves nothing', async () => {
      const j = job('noimage');
      await expect(provision(j, { image: 'dataclone-test/nope:1' })).rejects.toThrow(/was not found/);
      expect(await jobContainers(j.owner)).toEqual([]);
    });

    it('a step in a job that has no clones', async () => {
      const j = job('empty');
      await expect(resetJob(j)).rejects.toThrow(`reset: job ${j.owner} has no clones`);
      await expect(runTests(j, { command: ['true'] })).rejects.toThrow(`test: job ${j.owner} has no clones`);
      await expect(migrate(j, { migrations: MIGRATIONS, flyway: { executable: FLYWAY } })).rejects.toThrow(
        'has no clones',
      );
    });

    it('teardown twice, and after Docker already removed the container', async () => {
      const j = job('twice');
      const { clones } = await provision(j, { image });
      await t.docker.getContainer(clones[0]!.containerId).remove({ force: true, v: true });
      expect((await teardown(j)).removed).toEqual([]);
      expect((await teardown(j)).removed).toEqual([]);
    });

    it('teardown removes the clone of a provisioning process killed with SIGKILL half way', async () => {
      const owner = `${t.owner}-killed`;
      const child = spawn(process.execPath, [CLI, 'provision', '--image', image, '--job', owner], {
        stdio: 'ignore',
      });
      try {
        for (let i = 0; i < 200 && (await jobContainers(owner)).length === 0; i++)
          await new Promise((r) => setTimeout(r, 25));
        expect(await jobContainers(owner)).toHaveLength(1);
      } finally {
        child.kill('SIGKILL');
      }
      const { stdout } = await promisify(execFile)(process.execPath, [
        CLI,
        'teardown',
        '--job',
        owner,
        '--json',
      ]);
      expect(JSON.parse(stdout).removed).toHaveLength(1);
      expect(await jobContainers(owner)).toEqual([]);
    });
  });
});
