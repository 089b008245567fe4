import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let container: string;

beforeAll(async () => {
  container = await t.host.createContainer({
    name: `${t.cloneName('exec')}-host`,
    image: 'postgres:15',
    labels: { 'dataclone.owner': t.owner },
    entrypoint: ['tail', '-f', '/dev/null'],
    cmd: [],
    user: 'root',
  });
  await t.host.startContainer(container);
});

afterAll(() => t.cleanup());

describe('commands run in a container', () => {
  it('stream their input and return their output', async () => {
    const result = await t.host.exec(container, ['wc', '-c'], { stdin: Readable.from(['hello ', 'world']) });
    expect(result).toMatchObject({ exitCode: 0, stdout: '11\n' });
  });

  it('end, rather than wait for ever, when their input failed before they started', async () => {
    const input = new Readable({ read() {} });
    input.on('error', () => {});
    input.destroy(new Error('unexpected end of file'));
    const result = await t.host.exec(container, ['wc', '-c'], { stdin: input });
    expect(result).toMatchObject({ exitCode: 0, stdout: '0\n' });
  });

  it('end when their input fails half way', async () => {
    const input = new Readable({ read() {} });
    input.on('error', () => {});
    input.push('partial ');
    setTimeout(() => input.destroy(new Error('unexpected end of file')), 200);
    const result = await t.host.exec(container, ['wc', '-c'], { stdin: input });
    expect(result).toMatchObject({ exitCode: 0, stdout: '8\n' });
  });

  it('let the process exit as soon as they end, with input they never read', async () => {
    // 16 MB the command never reads: far more than the socket's and the pipe's buffers hold. The
    // container stays running, so nothing on Docker's side ever closes the connection.
    const script = `
      import { Readable } from 'node:stream';
      import { DockerHost } from './src/docker/docker-host.ts';
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const input = Readable.from((function* () { for (let i = 0; i < 256; i++) yield chunk; })());
      const result = await new DockerHost().exec(process.argv[1], ['sh', '-c', 'head -c 10 >/dev/null; exit 3'], { stdin: input });
      console.log(result.exitCode, input.destroyed);
    `;
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, container],
      { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect({ exited, stdout }).toEqual({ exited: 0, stdout: '3 true\n' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
