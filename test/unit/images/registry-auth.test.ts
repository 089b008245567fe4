import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryAuth, registryOf } from '../../../src/images/registry.js';
import { RecordingReporter } from '../../support/recording-reporter.js';

describe('registry credentials', () => {
  it.each([
    ['registry.example.com/shop:1', 'registry.example.com'],
    ['127.0.0.1:5000/team/shop:1', '127.0.0.1:5000'],
    ['localhost/shop:1', 'localhost'],
    ['acme/shop:1', 'docker.io'],
    ['postgres:15', 'docker.io'],
  ])('%s is on %s', (reference, registry) => {
    expect(registryOf(reference)).toBe(registry);
  });

  it('come from the inputs first, then the environment, and the password is masked before use', () => {
    const reporter = new RecordingReporter();
    const env = { DATACLONE_REGISTRY_USER: 'env-user', DATACLONE_REGISTRY_PASSWORD: 'env-secret' };
    expect(registryAuth('r.example.com/shop:1', undefined, reporter, env)).toEqual({
      username: 'env-user',
      password: 'env-secret',
      serveraddress: 'r.example.com',
    });
    expect(registryAuth('r.example.com/shop:1', { user: 'u', password: 'p' }, reporter, env)).toMatchObject({
      username: 'u',
      password: 'p',
    });
    expect(reporter.secrets).toEqual(['env-secret', 'p']);
  });

  it('none given: the login docker login stored, else none', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-docker-config-'));
    try {
      expect(
        registryAuth('r.example.com/shop:1', undefined, new RecordingReporter(), { DOCKER_CONFIG: dir }),
      ).toBeUndefined();
      await writeFile(
        path.join(dir, 'config.json'),
        JSON.stringify({
          auths: { 'r.example.com': { auth: Buffer.from('stored:s3cret').toString('base64') } },
        }),
      );
      const reporter = new RecordingReporter();
      expect(registryAuth('r.example.com/shop:1', undefined, reporter, { DOCKER_CONFIG: dir })).toEqual({
        username: 'stored',
        password: 's3cret',
        serveraddress: 'r.example.com',
      });
      expect(reporter.secrets).toEqual(['s3cret']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('half a login is an error that says what is missing', () => {
    expect(() =>
      registryAuth('r.example.com/shop:1', { user: 'u' }, new RecordingReporter(), {
        DOCKER_CONFIG: '/nonexistent',
      }),
    ).toThrow('registry r.example.com: a password is missing');
    expect(() =>
      registryAuth('r.example.com/shop:1', undefined, new RecordingReporter(), {
        DATACLONE_REGISTRY_PASSWORD: 'x',
      }),
    ).toThrow('registry r.example.com: a user is missing');
  });
});
