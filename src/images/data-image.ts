import { DatacloneError } from '../core/errors.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';

/** What a data image's labels say about the instance inside it. */
export interface DataImage {
  reference: string;
  id: string;
  engine: string;
  engineVersion: string;
  definitionName: string;
  definitionDigest: string;
  /** In restore order, which is also migration order. */
  databases: { name: string; dependsOn: string[] }[];
  primaryDatabase: string;
  superuser: string;
  built: string;
  /**
   * Whether its databases connect to the server itself (postgres_fdw, dblink, FEDERATED); unknown
   * (undefined) for images built before dataclone looked.
   */
  connectsToItself?: boolean;
  /** Paths the base image declares as volumes; clones mount tmpfs there instead. */
  volumes: string[];
  sizeBytes: number;
}

/** Reads a data image by tag or ID; fails with a clear error if it is missing or not a data image. */
export async function readDataImage(
  host: DockerHost,
  reference: string,
  field = '--image',
): Promise<DataImage> {
  const image = await host.inspectImage(reference);
  if (!image) {
    throw new DatacloneError(
      `${field}: data image '${reference}' was not found on ${host.description}`,
      'Build it with `dataclone image build -f dataclone.yaml --tag <tag>`, or pull it with `docker pull`. `docker images` lists what is there.',
    );
  }
  const labels = image.labels;
  const engine = labels[Labels.engine];
  if (!engine) {
    throw new DatacloneError(
      `${field}: '${reference}' is not a data image (it has no ${Labels.engine} label)`,
      'Clones start from images made by `dataclone image build`.',
    );
  }
  return {
    reference,
    id: image.id,
    engine,
    engineVersion: labels[Labels.engineVersion] ?? '',
    definitionName: labels[Labels.definitionName] ?? '',
    definitionDigest: labels[Labels.definitionDigest] ?? '',
    databases: parseDatabases(labels[Labels.databases]),
    primaryDatabase: labels[Labels.primaryDatabase] ?? '',
    superuser: labels[Labels.superuser] ?? '',
    built: labels[Labels.built] ?? '',
    ...(labels[Labels.connectsToItself] === 'true' || labels[Labels.connectsToItself] === 'false'
      ? { connectsToItself: labels[Labels.connectsToItself] === 'true' }
      : {}),
    volumes: image.volumes,
    sizeBytes: image.sizeBytes,
  };
}

function parseDatabases(text: string | undefined): DataImage['databases'] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { name: string; dependsOn?: string[] }[];
    return parsed.map((db) => ({ name: db.name, dependsOn: db.dependsOn ?? [] }));
  } catch {
    return [];
  }
}
