import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { cloneFromContainer } from '../../../src/clones/read-clone.js';
import { DockerHost, type ContainerInfo } from '../../../src/docker/docker-host.js';

const host = new DockerHost({} as Docker, 'test');

function container(overrides: Partial<ContainerInfo>): ContainerInfo {
  return {
    id: 'c1',
    name: 'dataclone-pr-8',
    image: 'shop:nightly',
    imageId: 'sha256:1',
    labels: {
      'dataclone.clone': 'pr-8',
      'dataclone.engine': 'postgres',
      'dataclone.bind-address': '127.0.0.1',
    },
    env: {},
    running: true,
    status: 'running',
    created: '2026-12-01T00:00:00Z',
    ports: {},
    portBindings: {},
    ...overrides,
  };
}

describe('a clone read back from its container', () => {
  it('has the port Docker publishes while it runs', () => {
    const info = container({
      ports: { 5432: { hostIp: '127.0.0.1', hostPort: 32801 } },
      portBindings: { 5432: { hostIp: '127.0.0.1', hostPort: 32801 } },
    });
    expect(cloneFromContainer(host, info, 'pw').connection.port).toBe(32801);
  });

  it('keeps the port it asked for when it is exited and publishes none, instead of 0', () => {
    const info = container({
      running: false,
      status: 'exited',
      portBindings: { 5432: { hostIp: '127.0.0.1', hostPort: 32801 } },
    });
    const clone = cloneFromContainer(host, info, 'pw');
    expect(clone.status).toBe('exited');
    expect(clone.connection.port).toBe(32801);
    expect(clone.connection.databases).toEqual([]);
    expect(clone.connection.password).toBe('pw');
  });

  it('takes the port of a clone on the host network from its label', () => {
    const info = container({
      running: false,
      status: 'exited',
      labels: { ...container({}).labels, 'dataclone.networking': 'host', 'dataclone.host-port': '40001' },
    });
    expect(cloneFromContainer(host, info, 'pw').connection.port).toBe(40001);
  });
});
