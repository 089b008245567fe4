import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { DockerHost } from '../../src/docker/docker-host.js';
import { removeEverythingOfRun, TEST_IMAGE_REPOSITORY, testOwner } from './cleanup.js';
import { RecordingReporter } from './recording-reporter.js';

/**
 * One test file's view of the real Docker Engine: a host, an owner label that marks everything
 * the file creates, unique image tags, and a cleanup that removes all of it.
 */
export function useTestHost() {
  const runId = process.env.DATACLONE_TEST_RUN ?? randomBytes(4).toString('hex');
  const docker = new Docker();
  const host = new DockerHost(docker);
  let counter = 0;
  return {
    host,
    docker,
    owner: testOwner(runId),
    reporter: new RecordingReporter(),
    /** A tag unique to this test run: dataclone-test/<name>:<run>-<n>. */
    imageTag(name: string): string {
      counter += 1;
      return `${TEST_IMAGE_REPOSITORY}/${name}:${runId}-${process.pid}-${counter}`;
    },
    cloneName(prefix = 'clone'): string {
      return `t${runId}-${prefix}-${randomBytes(3).toString('hex')}`;
    },
    async cleanup(): Promise<void> {
      await removeEverythingOfRun(docker, runId);
    },
    /** IDs of every container, image and network on the host, to prove a failure left nothing behind. */
    async snapshot(): Promise<{ containers: string[]; images: string[]; networks: string[] }> {
      const containers = await docker.listContainers({ all: true });
      const images = await docker.listImages();
      const networks = await docker.listNetworks();
      return {
        containers: containers.map((c) => c.Id).sort(),
        images: images.map((i) => i.Id).sort(),
        networks: networks.map((n) => n.Id).sort(),
      };
    },
  };
}
