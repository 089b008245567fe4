import type Docker from 'dockerode';

/** The owner label of everything one test run creates. */
export function testOwner(runId: string): string {
  return `test-${runId}`;
}

/** The repository every image built by tests is tagged in, so it can be found and removed. */
export const TEST_IMAGE_REPOSITORY = 'dataclone-test';

/**
 * Removes every container, network, volume and image a test run created. Tests derive job owners from the run's
 * (test-<run>-flow), so containers are matched on the owner label's prefix.
 */
export async function removeEverythingOfRun(docker: Docker, runId: string): Promise<void> {
  const owner = testOwner(runId);
  const containers = await docker.listContainers({ all: true, filters: { label: ['dataclone.owner'] } });
  for (const container of containers) {
    const label = container.Labels['dataclone.owner'] ?? '';
    if (label !== owner && !label.startsWith(`${owner}-`)) continue;
    await docker
      .getContainer(container.Id)
      .remove({ force: true, v: true })
      .catch(() => {});
  }
  const networks = await docker.listNetworks({ filters: { label: ['dataclone.owner'] } });
  for (const network of networks) {
    const label = network.Labels?.['dataclone.owner'] ?? '';
    if (label !== owner && !label.startsWith(`${owner}-`)) continue;
    await docker
      .getNetwork(network.Id)
      .remove()
      .catch(() => {});
  }
  // A clone's password record is an anonymous volume with the owner label; removing a container
  // with v removes it, and this catches one whose container a test removed some other way.
  const { Volumes: volumes } = await docker.listVolumes({ filters: { label: ['dataclone.owner'] } });
  for (const volume of volumes ?? []) {
    const label = volume.Labels?.['dataclone.owner'] ?? '';
    if (label !== owner && !label.startsWith(`${owner}-`)) continue;
    await docker
      .getVolume(volume.Name)
      .remove()
      .catch(() => {});
  }
  const images = await docker.listImages({
    filters: { reference: [`${TEST_IMAGE_REPOSITORY}/*:${runId}*`] },
  });
  for (const image of images) {
    for (const tag of image.RepoTags ?? [])
      await docker
        .getImage(tag)
        .remove()
        .catch(() => {});
  }
}
