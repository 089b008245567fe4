import Docker from 'dockerode';

/** Copies images from the main Docker Engine into another, as `docker save | docker load` would. */
export async function copyImagesFromMainEngine(docker: Docker, images: string[]): Promise<void> {
  const local = new Docker();
  for (const image of images) {
    const archive = await local.getImage(image).get();
    const loading = await docker.loadImage(archive);
    await new Promise((resolve, reject) =>
      docker.modem.followProgress(loading, (e) => (e ? reject(e) : resolve(undefined))),
    );
  }
}
