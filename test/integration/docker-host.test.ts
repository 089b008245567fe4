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
});
