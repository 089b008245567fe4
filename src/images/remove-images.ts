import type { Clone } from '../clones/clone.js';
import { listClones } from '../clones/read-clone.js';
import { removeClone } from '../clones/remove-clone.js';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { errorText, splitReference, type DockerHost, type ImageInfo } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';

export interface RemoveImagesOptions {
  host: DockerHost;
  reporter: Reporter;
  /** Tags (shop:nightly) or image IDs. */
  references: string[];
  /** Remove the clones of an image that goes, instead of refusing. */
  force?: boolean;
}

export interface RemovedImage {
  reference: string;
  imageId: string;
  /** False when only the tag went: the image keeps another tag, and its clones are untouched. */
  imageRemoved: boolean;
}

/**
 * Removes data images by tag, as `docker rmi` does: a tag goes, and the image with its last one.
 * An image that would go while clones were started from it is refused, naming them, unless
 * `force`, which removes those clones first. Every reference is checked before anything is
 * removed, so a mistyped one removes nothing.
 */
export async function removeImages(
  options: RemoveImagesOptions,
): Promise<{ images: RemovedImage[]; clones: string[] }> {
  const { host, reporter } = options;
  await host.ping();
  const targets: { reference: string; image: ImageInfo; tags: string[] }[] = [];
  for (const reference of options.references) {
    const image = await host.inspectImage(reference);
    if (!image) {
      throw new DatacloneError(
        `there is no image '${reference}' on ${host.description}`,
        '`dataclone image list` lists the data images there.',
      );
    }
    if (!image.labels[Labels.engine]) {
      throw new DatacloneError(
        `'${reference}' is not a data image (it has no ${Labels.engine} label), so dataclone leaves it alone`,
        `dataclone removes only the images it built; remove this one with \`docker rmi ${reference}\` if you mean to.`,
      );
    }
    const tag = tagOf(reference, image);
    // Named by ID: all of its tags go, and the image with them.
    targets.push({ reference, image, tags: tag ? [tag] : image.tags });
  }

  const removedTags = new Set(targets.flatMap((target) => target.tags));
  const going = new Set(
    targets
      .filter((target) => target.image.tags.every((tag) => removedTags.has(tag)))
      .map((target) => target.image.id),
  );
  const clones = (await listClones(host)).filter((clone) => going.has(clone.imageId));
  if (clones.length > 0 && !options.force) throw inUse(targets, clones);
  for (const clone of clones) await removeClone({ host, reporter, name: clone.name });

  const images: RemovedImage[] = [];
  for (const target of targets) {
    try {
      for (const tag of target.tags.length ? target.tags : [target.image.id]) await host.removeImage(tag);
    } catch (error) {
      throw new DatacloneError(
        `image ${target.reference} could not be removed: ${errorText(error)}`,
        'A container that is not a clone may use it (`docker ps -a --filter ancestor=<image>`), or an image saved from one of its clones builds on it.',
        { cause: error },
      );
    }
    const imageRemoved = going.has(target.image.id);
    images.push({ reference: target.reference, imageId: target.image.id, imageRemoved });
    reporter.info(
      imageRemoved
        ? `Removed image ${target.reference} (${target.image.id.slice(7, 19)})`
        : `Removed tag ${target.reference}; the image keeps ${target.image.tags.filter((tag) => !removedTags.has(tag)).join(', ')}`,
    );
  }
  return { images, clones: clones.map((clone) => clone.name) };
}

/** The tag a reference names (`shop` is `shop:latest`, as Docker reads it); undefined for an image ID or digest. */
function tagOf(reference: string, image: ImageInfo): string | undefined {
  const byId =
    image.id === reference || image.id.startsWith(`sha256:${reference}`) || reference.startsWith('sha256:');
  if (byId || reference.includes('@')) return undefined;
  const { repo, tag } = splitReference(reference);
  return `${repo}:${tag}`;
}

function inUse(targets: { reference: string; image: ImageInfo }[], clones: Clone[]): DatacloneError {
  const lines = targets
    .map((target) => {
      const users = clones.filter((clone) => clone.imageId === target.image.id).map((clone) => clone.name);
      return users.length
        ? `image ${target.reference} is used by ${users.length} clone(s): ${users.join(', ')}`
        : '';
    })
    .filter(Boolean);
  const names = clones.map((clone) => clone.name).join(' ');
  return new DatacloneError(
    `${lines.join('\n')}\nnothing was removed`,
    `Remove those clones first (dataclone clone remove ${names}), or pass --force to remove them with the image.`,
  );
}
