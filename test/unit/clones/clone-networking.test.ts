import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseNetworking,
  hostNetworkingWorks,
  parseNetworking,
} from '../../../src/clones/clone-networking.js';
import type { DockerHost } from '../../../src/docker/docker-host.js';
import { RecordingReporter } from '../../support/recording-reporter.js';

describe('parseNetworking', () => {
  it.each(['auto', 'host', 'bridge'])('takes %s', (text) => {
    expect(parseNetworking(text, '--networking')).toBe(text);
  });

  it('leaves an empty choice to the default', () => {
    expect(parseNetworking(undefined, '--networking')).toBeUndefined();
    expect(parseNetworking('', 'DATACLONE_NETWORKING')).toBeUndefined();
  });

  it('names the field and the choices for anything else', () => {
    expect(() => parseNetworking('none', 'DATACLONE_NETWORKING')).toThrow(
      "DATACLONE_NETWORKING: 'none' is not a way of networking clones",
    );
  });
});

describe('hostNetworkingWorks', () => {
  const linux = { operatingSystem: 'Debian GNU/Linux 12 (bookworm)', osType: 'linux', rootless: false };
  it.each([
    ['a rootful engine on this Linux machine', linux, undefined, 'linux', true, true],
    ['a rootless engine', { ...linux, rootless: true }, undefined, 'linux', true, false],
    ['Docker Desktop', { ...linux, operatingSystem: 'Docker Desktop' }, undefined, 'linux', true, false],
    ['a remote engine', linux, 'tcp://ci-docker:2376', 'linux', true, false],
    ['a macOS client', linux, undefined, 'darwin', true, false],
    ['a job container with the socket mounted', linux, undefined, 'linux', false, false],
  ] as const)('%s: %s', (_, facts, dockerHost, platform, sameNetwork, expected) => {
    expect(hostNetworkingWorks(facts, dockerHost, platform, () => sameNetwork)).toBe(expected);
  });
});

describe('chooseNetworking', () => {
  const localHost = {
    description: 'the local Docker Engine',
    remoteName: () => undefined,
    facts: async () => ({ operatingSystem: 'Debian GNU/Linux 12', osType: 'linux', rootless: false }),
  } as unknown as DockerHost;
  const remoteHost = {
    ...localHost,
    description: 'tcp://clones.example.com:2376',
    remoteName: () => 'clones.example.com',
  } as unknown as DockerHost;
  const plain = { reference: 'shop:nightly', connectsToItself: false };
  const linked = { reference: 'shop:nightly', connectsToItself: true };
  const needs = { standby: false, environment: false, image: plain };
  const saved = process.env.DATACLONE_NETWORKING;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATACLONE_NETWORKING;
    else process.env.DATACLONE_NETWORKING = saved;
  });

  it('is bridge unless asked otherwise', async () => {
    delete process.env.DATACLONE_NETWORKING;
    expect(await chooseNetworking(localHost, new RecordingReporter(), needs)).toBe('bridge');
  });

  it('takes host when asked, and warns for an image whose databases link to their own server', async () => {
    const reporter = new RecordingReporter();
    expect(await chooseNetworking(localHost, reporter, { ...needs, requested: 'host' })).toBe('host');
    expect(reporter.lines).toEqual([]);
    expect(await chooseNetworking(localHost, reporter, { ...needs, image: linked, requested: 'host' })).toBe(
      'host',
    );
    expect(reporter.lines.join('\n')).toContain(
      'shop:nightly: its databases may connect to the server itself',
    );
  });

  it('refuses an explicit host for a standby, an environment or a remote engine', async () => {
    const reporter = new RecordingReporter();
    await expect(
      chooseNetworking(localHost, reporter, { ...needs, standby: true, requested: 'host' }),
    ).rejects.toThrow('host networking is not available for a clone with a standby');
    await expect(
      chooseNetworking(localHost, reporter, { ...needs, environment: true, requested: 'host' }),
    ).rejects.toThrow("host networking is not available for an environment's clones");
    await expect(chooseNetworking(remoteHost, reporter, { ...needs, requested: 'host' })).rejects.toThrow(
      'host networking needs a Docker Engine on this machine',
    );
  });

  it('applies DATACLONE_NETWORKING=host only where it can work', async () => {
    process.env.DATACLONE_NETWORKING = 'host';
    const reporter = new RecordingReporter();
    expect(await chooseNetworking(localHost, reporter, needs)).toBe('host');
    expect(await chooseNetworking(localHost, reporter, { ...needs, standby: true })).toBe('bridge');
    expect(await chooseNetworking(localHost, reporter, { ...needs, environment: true })).toBe('bridge');
    expect(await chooseNetworking(remoteHost, reporter, needs)).toBe('bridge');
  });

  it('auto: bridge for an image that links to itself or was built before dataclone looked', async () => {
    const reporter = new RecordingReporter();
    expect(await chooseNetworking(localHost, reporter, { ...needs, image: linked, requested: 'auto' })).toBe(
      'bridge',
    );
    expect(
      await chooseNetworking(localHost, reporter, {
        ...needs,
        image: { reference: 'old:1' },
        requested: 'auto',
      }),
    ).toBe('bridge');
    expect(await chooseNetworking(remoteHost, reporter, { ...needs, requested: 'auto' })).toBe('bridge');
  });
});
