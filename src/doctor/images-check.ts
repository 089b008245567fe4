import { KNOWN_VERSIONS } from '../definition/engine-versions.js';
import type { ImageInfo } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { listNames, type CheckResult } from './check.js';

export interface ImagesDetails {
  /** Tags of the images dataclone built: they carry the dataclone.engine label. */
  dataImages: string[];
  /** Data images left without a tag, usually earlier builds whose tag moved on. */
  untaggedDataImages: number;
  /** Tags of the official engine images (postgres:*, mariadb:*, mysql:*) present here. */
  baseImages: string[];
}

export type ImagesCheck = CheckResult<'images', ImagesDetails>;

/** The official image of each engine: the repository a definition's default base image is in. */
const BASE_REPOSITORIES = new Set(Object.keys(KNOWN_VERSIONS));

/**
 * Which data images and official base images the engine has. Which base image a definition will
 * want is not knowable here, so any one of them is enough for ok; a build pulls the one it needs.
 */
export function classifyImages(images: Pick<ImageInfo, 'id' | 'tags' | 'labels'>[]): ImagesCheck {
  const isDataImage = (image: Pick<ImageInfo, 'labels'>) => image.labels[Labels.engine] !== undefined;
  const built = images.filter(isDataImage);
  const dataImages = built.flatMap((image) => image.tags).sort();
  const untaggedDataImages = built.filter((image) => image.tags.length === 0).length;
  const baseImages = images
    .filter((image) => !isDataImage(image))
    .flatMap((image) => image.tags.map(officialName))
    .filter((tag): tag is string => tag !== undefined)
    .sort();
  const details = { dataImages, untaggedDataImages, baseImages };
  const untagged = untaggedDataImages > 0 ? ` (and ${untaggedDataImages} untagged)` : '';
  const data = `data images: ${dataImages.length > 0 ? listNames(dataImages) : 'none yet'}${untagged}`;
  if (baseImages.length === 0)
    return {
      name: 'images',
      status: 'warn',
      finding: `no ${[...BASE_REPOSITORIES].join(', ')} base image; ${data}`,
      hint: 'A build pulls the base image it needs; to have one ready: docker pull postgres:15 (or mariadb:10.11, mysql:8.4), or in a dataclone checkout on Debian: bash scripts/test-bed.sh.',
      details,
    };
  return { name: 'images', status: 'ok', finding: `base images: ${listNames(baseImages)}; ${data}`, details };
}

/** `postgres:15` for postgres:15, docker.io/postgres:15 and docker.io/library/postgres:15; else undefined. */
function officialName(tag: string): string | undefined {
  const name = tag.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const repository = name.split(':')[0] ?? '';
  return BASE_REPOSITORIES.has(repository) ? name : undefined;
}
