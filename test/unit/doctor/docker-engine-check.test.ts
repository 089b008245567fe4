import { describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import { dockerRunsHere, parseHostFacts } from '../../../src/docker/host-facts.js';
import { classifyEngine, engineUnreachable } from '../../../src/doctor/docker-engine-check.js';
import { dockerInfo as info } from './docker-info.js';

describe('parseHostFacts', () => {
  it('reads the version, machine and storage from docker info', () => {
    expect(parseHostFacts(info)).toEqual({
      serverVersion: '27.3.1',
      operatingSystem: 'Ubuntu 24.04.1 LTS',
      osType: 'linux',
      architecture: 'x86_64',
      cpus: 4,
      memoryBytes: 16 * 1024 ** 3,
      storageDriver: 'overlay2',
      backingFilesystem: 'xfs',
      rootDir: '/var/lib/docker',
      rootless: false,
    });
  });

  it('tells a rootless engine by its security options', () => {
    const rootless = { ...info, SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless'] };
    expect(parseHostFacts(rootless).rootless).toBe(true);
  });

  it('leaves the backing filesystem out when the driver reports none', () => {
    const facts = parseHostFacts({
      ...info,
      Driver: 'overlayfs',
      DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    });
    expect(facts.backingFilesystem).toBeUndefined();
    expect(parseHostFacts(null)).toMatchObject({ storageDriver: '', cpus: 0, rootDir: '' });
  });
});

describe('dockerRunsHere', () => {
  const linux = { operatingSystem: 'Debian GNU/Linux 12 (bookworm)' };
  it.each([
    [linux, undefined, 'linux', true],
    [linux, 'unix:///run/user/1000/docker.sock', 'linux', true],
    [linux, 'tcp://docker:2376', 'linux', false],
    [linux, 'ssh://ci@build-host', 'linux', false],
    [{ operatingSystem: 'Docker Desktop' }, undefined, 'linux', false],
    [linux, undefined, 'darwin', false],
  ] as const)('%j with DOCKER_HOST=%s on %s: %s', (facts, dockerHost, platform, expected) => {
    expect(dockerRunsHere(facts, dockerHost, platform)).toBe(expected);
  });
});

describe('classifyEngine', () => {
  it('is ok for a Linux engine and says what it runs on', () => {
    const check = classifyEngine(parseHostFacts(info));
    expect(check.status).toBe('ok');
    expect(check.finding).toBe('Docker 27.3.1, Ubuntu 24.04.1 LTS, x86_64, 4 CPUs, 16.0 GiB memory');
  });

  it('fails for an engine that runs Windows containers', () => {
    const check = classifyEngine(
      parseHostFacts({ ...info, OSType: 'windows', OperatingSystem: 'Windows Server 2022' }),
    );
    expect(check.status).toBe('fail');
    expect(check.hint).toContain('Linux containers');
  });

  it("fails when the engine does not answer, with the error's message and hint", () => {
    const check = engineUnreachable(
      new DatacloneError('cannot reach tcp://docker:2376: connect ECONNREFUSED', 'Start Docker.'),
    );
    expect(check).toEqual({
      name: 'docker',
      status: 'fail',
      finding: 'cannot reach tcp://docker:2376: connect ECONNREFUSED',
      hint: 'Start Docker.',
    });
  });
});
