import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { startTlsDockerEngine, type TlsDockerEngine } from '../support/tls-docker-engine.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/index.js');
const run = promisify(execFile);

let engine: TlsDockerEngine;

/** The built CLI against the TLS Docker Engine, configured as a user would: by environment. */
async function dataclone(args: string[], env: Record<string, string> = engine.env) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env, DATACLONE_OWNER: 'test-remote-host' },
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  engine = await startTlsDockerEngine(['postgres:15']);
}, 180_000);

afterAll(async () => {
  await engine?.stop();
});

describe('a remote clone host: Docker Engine over TCP with TLS client certificates', () => {
  it('builds a data image there, clones it, and the clone answers with its own password', async () => {
    const built = await dataclone([
      'image',
      'build',
      '-f',
      SAMPLE_DEFINITION,
      '--tag',
      'dataclone-test/remote:1',
    ]);
    expect(built.code, built.stderr).toBe(0);
    const created = await dataclone([
      'clone',
      'create',
      '--image',
      'dataclone-test/remote:1',
      '--name',
      'remote-1',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const clone = JSON.parse(created.stdout) as {
      host: string;
      port: number;
      password: string;
      databases: { name: string; url: string }[];
    };
    // The clone's address is the Docker host's own, from DOCKER_HOST.
    expect(clone.host).toBe('127.0.0.1');
    const client = new pg.Client({
      connectionString: clone.databases.find((db) => db.name === 'orders')?.url,
    });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    await client.end();
    expect(rows).toEqual([{ n: 2000 }]);
    // Nothing of it is on the local Docker Engine.
    const local = await dataclone(['clone', 'list', '--json'], {});
    expect(local.stdout).not.toContain('remote-1');

    const reset = await dataclone(['clone', 'reset', 'remote-1', '--json']);
    expect(reset.code, reset.stderr).toBe(0);
    expect((JSON.parse(reset.stdout) as { port: number }).port).toBe(clone.port);
    expect((await dataclone(['clone', 'remove', 'remote-1'])).code).toBe(0);
  });

  it('without the client certificate the engine refuses, and the error names the host', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'dataclone-no-certs-'));
    try {
      const refused = await dataclone(['clone', 'list'], { ...engine.env, DOCKER_CERT_PATH: empty });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`cannot reach ${engine.env.DOCKER_HOST}`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
