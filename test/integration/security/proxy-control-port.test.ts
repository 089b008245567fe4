import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../../src/clones/clone.js';
import { createClone } from '../../../src/clones/create-clone.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { buildImage } from '../../../src/images/build-image.js';
import { proxyContainerName, startProxy, stopProxy, switchProxy } from '../../../src/proxy/local-proxy.js';
import { PROXY_TOKEN_HANDOVER_FILE, PROXY_TOKEN_RECORD_FILE } from '../../../src/proxy/proxy-script.js';
import { freePort } from '../../support/free-port.js';
import { SAMPLE_DEFINITION } from '../../support/fixtures.js';
import { useTestHost } from '../../support/test-host.js';

const t = useTestHost();
let clone: Clone;
let port: number;
let controlPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  const image = t.imageTag('proxy-control');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
  ({ clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner }));
  port = await freePort();
  await startProxy({ host: t.host, reporter: t.reporter, port, to: clone.name, owner: t.owner });
  const proxy = await t.host.inspectContainer(proxyContainerName(port));
  controlPort = Number(proxy?.labels['dataclone.proxy.control-port']);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await stopProxy(t.host, t.reporter, port).catch(() => {});
  await t.cleanup();
});

/** A connection to the control port that sends `data` (if any), then stays open. */
async function controlConnection(data?: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect({ host: '127.0.0.1', port: controlPort });
  sockets.push(socket);
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString()));
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(answer)));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  if (data) socket.write(data);
  return { socket, closed };
}

/** Milliseconds until a query through the proxy's port is answered. */
async function queryThroughProxy(): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: clone.connection.user,
    password: clone.connection.password,
    database: 'customers',
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

describe('dataclone proxy: its control port', { timeout: 30_000 }, () => {
  it('an idle control connection does not hold up client connections, and is closed within seconds', async () => {
    const idle = await Promise.all([
      controlConnection(),
      controlConnection(),
      controlConnection('partial line'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 5; i++) expect(await queryThroughProxy()).toBeLessThan(1000);
    const started = performance.now();
    expect(await Promise.all(idle.map((connection) => connection.closed))).toEqual(['', '', '']);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('a control line longer than the limit is refused by closing the connection, without an answer', async () => {
    const flood = await controlConnection('x'.repeat(100_000));
    expect(await flood.closed).toBe('');
    expect(await queryThroughProxy()).toBeLessThan(1000);
  });

  it('many idle control connections at once: the proxy still switches, and clients still get through', async () => {
    await Promise.all(Array.from({ length: 40 }, () => controlConnection()));
    expect(await queryThroughProxy()).toBeLessThan(1000);
    const switched = await switchProxy({ host: t.host, reporter: t.reporter, port, to: clone.name });
    expect(switched.durationMs).toBeLessThan(1500);
    expect(await queryThroughProxy()).toBeLessThan(1000);
  });

  it('a wrong token is refused', async () => {
    const wrong = await controlConnection('not-the-token 127.0.0.1:1\n');
    expect(await wrong.closed).toBe('refused\n');
    expect(await queryThroughProxy()).toBeLessThan(1000);
  });

  it('keeps its token out of every process environment and the container Env; the right token switches it', async () => {
    const proxy = await t.docker.getContainer(proxyContainerName(port)).inspect();
    const token = (await t.host.readFile(proxy.Id, PROXY_TOKEN_RECORD_FILE)) ?? '';
    expect(token).toMatch(/^\S{16,}$/);
    expect((proxy.Config.Env ?? []).some((entry) => entry.includes(token))).toBe(false);
    const inside = await t.host.exec(
      proxy.Id,
      [
        'sh',
        '-c',
        // As the proxy's own user reads them: every process's environment, the hand-over, the record.
        'for p in /proc/[0-9]*; do cat "$p/environ" 2>/dev/null; echo; done; [ -e "$1" ] && echo HANDOVER-LEFT; cat "$2" 2>/dev/null || echo RECORD-UNREADABLE',
        'sh',
        PROXY_TOKEN_HANDOVER_FILE,
        PROXY_TOKEN_RECORD_FILE,
      ],
      { user: proxy.Config.User },
    );
    expect(inside.stdout.includes(token)).toBe(false);
    expect(inside.stdout).not.toContain('HANDOVER-LEFT');
    expect(inside.stdout).toContain('RECORD-UNREADABLE');
    const right = await controlConnection(`${token} 127.0.0.1:${clone.connection.port}\n`);
    expect(await right.closed).toBe('ok\n');
    expect(await queryThroughProxy()).toBeLessThan(1000);
  });
});
