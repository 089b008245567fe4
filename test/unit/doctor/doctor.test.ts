import { describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import { checkDiskSpace } from '../../../src/doctor/disk-space-check.js';
import { runDoctor, type DoctorHost } from '../../../src/doctor/doctor.js';
import { dockerInfo as info } from './docker-info.js';

function answeringHost(): DoctorHost {
  return {
    ping: async () => {},
    docker: { info: async () => info },
    listImages: async () => [
      { id: 'sha256:1', tags: ['postgres:16'], labels: {}, volumes: [], sizeBytes: 1 },
      { id: 'sha256:2', tags: ['redgate/flyway:latest'], labels: {}, volumes: [], sizeBytes: 1 },
    ],
  };
}

// A remote engine and an empty PATH: nothing on this machine is looked at.
const remote = { env: { DOCKER_HOST: 'tcp://docker:2376', PATH: '' }, platform: 'linux' as const };

describe('runDoctor', () => {
  it('runs every check in order against an engine on another machine', async () => {
    const report = await runDoctor({ host: answeringHost(), ...remote });
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['docker', 'ok'],
      ['storage', 'warn'],
      ['disk', 'warn'],
      ['images', 'ok'],
      ['flyway', 'warn'],
      ['networking', 'ok'],
      ['pull', 'ok'],
    ]);
    expect(report.success).toBe(true);
    expect(report.checks[5]?.finding).toContain(
      "host networking is not for this machine: the Docker Engine's network",
    );
    expect(report.checks[1]?.finding).toBe(
      'overlay2 on xfs; reflink could not be checked (Docker runs on another machine)',
    );
    expect(report.checks[4]?.finding).toContain('redgate/flyway:latest (present here)');
  });

  it('fails when the engine does not answer, and still checks Flyway', async () => {
    const host: DoctorHost = {
      ...answeringHost(),
      ping: async () => {
        throw new DatacloneError('cannot reach tcp://docker:2376: connect ECONNREFUSED', 'Start Docker.');
      },
    };
    const report = await runDoctor({ host, ...remote });
    expect(report.success).toBe(false);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['docker', 'fail'],
      ['storage', 'warn'],
      ['disk', 'warn'],
      ['images', 'warn'],
      ['flyway', 'warn'],
      ['networking', 'warn'],
      ['pull', 'warn'],
    ]);
    expect(report.checks[0]).toMatchObject({
      finding: 'cannot reach tcp://docker:2376: connect ECONNREFUSED',
    });
  });

  it('says whether host networking is available on a local engine', async () => {
    const local = { env: { PATH: '' }, platform: 'linux' as const };
    const shared = await runDoctor({ host: answeringHost(), ...local, sameNetwork: () => true });
    expect(shared.checks[5]).toMatchObject({
      name: 'networking',
      status: 'ok',
      details: { hostNetworking: true },
    });
    const apart = await runDoctor({ host: answeringHost(), ...local, sameNetwork: () => false });
    expect(apart.checks[5]?.finding).toContain('another network namespace than dockerd');
  });

  it('reports images it could not list as a warning, not a crash', async () => {
    const host: DoctorHost = {
      ...answeringHost(),
      listImages: async () => {
        throw new Error('socket hang up');
      },
    };
    const report = await runDoctor({ host, ...remote });
    expect(report.checks[3]).toMatchObject({
      name: 'images',
      status: 'warn',
      finding: 'could not list the images: socket hang up',
    });
  });
});

describe('checkDiskSpace', () => {
  it('does not look when Docker runs on another machine, and says where to look', async () => {
    const check = await checkDiskSpace('/var/lib/docker', false);
    expect(check).toMatchObject({ status: 'warn', finding: 'not checked: Docker runs on another machine' });
    expect(check.hint).toContain('df -h /var/lib/docker');
  });

  it('warns when the root dir is not visible here', async () => {
    const check = await checkDiskSpace('/no/such/docker/root', true);
    expect(check.status).toBe('warn');
    expect(check.finding).toContain('could not read the free space under /no/such/docker/root');
  });
});
