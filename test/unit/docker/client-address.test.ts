import type Docker from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { DockerHost } from '../../../src/docker/docker-host.js';

const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

function addressFor(dockerHost: string | undefined, bindAddress: string): string {
  if (dockerHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = dockerHost;
  return new DockerHost({} as Docker, 'test').clientAddress(bindAddress);
}

describe('where clients reach a clone', () => {
  it.each([
    [undefined, '127.0.0.1', '127.0.0.1'],
    [undefined, '0.0.0.0', '127.0.0.1'],
    ['unix:///var/run/docker.sock', '0.0.0.0', '127.0.0.1'],
    [undefined, '10.1.2.3', '10.1.2.3'],
    ['tcp://clones.example.com:2376', '0.0.0.0', 'clones.example.com'],
    ['tcp://clones.example.com:2376', '10.1.2.3', '10.1.2.3'],
    ['ssh://ci@clones.example.com', '0.0.0.0', 'clones.example.com'],
    ['tcp://127.0.0.1:2376', '127.0.0.1', '127.0.0.1'],
    // Published on a remote host's loopback: the remote host, not this machine's loopback.
    ['tcp://clones.example.com:2376', '127.0.0.1', 'clones.example.com'],
  ])('DOCKER_HOST %s, published on %s: %s', (dockerHost, bind, expected) => {
    expect(addressFor(dockerHost, bind)).toBe(expected);
  });
});
