import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPull, classifyPull } from '../../../src/doctor/pull-check.js';

describe('checkPull', () => {
  it('is ok when a local engine finds unpigz, naming it', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-unpigz-'));
    try {
      await writeFile(path.join(folder, 'unpigz'), '#!/bin/sh\n');
      await chmod(path.join(folder, 'unpigz'), 0o755);
      expect(await checkPull(true, { PATH: folder })).toEqual({
        name: 'pull',
        status: 'ok',
        finding: `pulls decompress layers with ${path.join(folder, 'unpigz')}`,
        details: { unpigz: path.join(folder, 'unpigz') },
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('warns when a local engine has no unpigz, saying what it costs and how to install pigz', async () => {
    const check = await checkPull(true, { PATH: '' });
    expect(check.status).toBe('warn');
    expect(check.finding).toContain('no unpigz: pulls decompress layers with Go gzip, about twice as slow');
    expect(check.hint).toContain('apt-get install pigz');
    expect(check.details).toEqual({ unpigz: null });
  });

  it('does not look on this machine when Docker runs on another one', async () => {
    const check = await checkPull(false, { PATH: '/usr/bin' });
    expect(check).toMatchObject({ status: 'ok', finding: expect.stringContaining('not checked') });
    expect(check.details).toBeUndefined();
  });
});

describe('classifyPull', () => {
  it('tells an unpigz that is there from one that is not', () => {
    expect(classifyPull('/usr/bin/unpigz').status).toBe('ok');
    expect(classifyPull(undefined).status).toBe('warn');
  });
});
