import type Docker from 'dockerode';

/** The owner label of everything one test run creates. */
export function testOwner(runId: string): string {
  return `test-${runId}`;
}

/** The repository every image built by tests is tagged in, so it can be found and removed. */
export const TEST_IMAGE_REPOSITORY = 'dataclone-test';

/** Removes every container and image a test run created. */
export async function removeEverythingOfRun(docker: Docker, runId: string): Promise<void> {
  const containers = await docker.listContainers({
    all: true,
    filters: { label: [`dataclone.owner=${testOwner(runId)}`] },
  });
  for (const container of containers) {
    await docker
      .getContainer(container.Id)
      .remove({ force: true, v: true })
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
