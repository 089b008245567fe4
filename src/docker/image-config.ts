import { createHash } from 'node:crypto';
import tarStream from 'tar-stream';

/**
 * An image's configuration as Docker stores it (the config blob that `docker save` and
 * `docker push` carry), written by dataclone itself where a commit would record too much: a
 * commit also stores the committed container's own configuration (`container_config`, with its
 * environment) and cannot drop a label. Only the fields a data image needs are kept.
 */
export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created: string;
  /** How a container of the image runs: Docker's container config, as `docker inspect` shows it. */
  config: RunConfig;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history: HistoryEntry[];
}

/** The parts of Docker's container config an image passes on to its containers. */
export interface RunConfig {
  User?: string;
  ExposedPorts?: Record<string, object>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, object> | null;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  Healthcheck?: object;
  Shell?: string[];
  OnBuild?: string[] | null;
  ArgsEscaped?: boolean;
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** One line of Docker's image history API (newest first), which omits whether a line made a layer. */
export interface HistoryLine {
  Created: number;
  CreatedBy: string;
  Comment: string;
  Size: number;
}

const RUN_FIELDS: (keyof RunConfig)[] = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'Healthcheck',
  'Shell',
  'OnBuild',
  'ArgsEscaped',
];

/** Keeps only what an image passes on to its containers: no hostname, no image ID. */
export function runConfigOf(config: Record<string, unknown>): RunConfig {
  return Object.fromEntries(
    RUN_FIELDS.filter((field) => config[field] !== undefined).map((field) => [field, config[field]]),
  ) as RunConfig;
}

/**
 * The history entries of an image from the API's lines, with `empty_layer` restored: a line
 * with a size made a layer; of the lines without one, those that do not read as instructions
 * that only set metadata made the rest, newest first. When that cannot match the image's layer
 * count, one plain entry per layer, so the history never claims more layers than there are.
 */
export function historyEntries(lines: HistoryLine[], layerCount: number): HistoryEntry[] {
  const oldestFirst = [...lines].reverse();
  const sized = oldestFirst.filter((line) => line.Size > 0).length;
  let unsized = layerCount - sized;
  const makesLayer = new Array<boolean>(oldestFirst.length).fill(false);
  for (let index = oldestFirst.length - 1; index >= 0; index--) {
    const line = oldestFirst[index] as HistoryLine;
    if (line.Size > 0) makesLayer[index] = true;
    else if (unsized > 0 && !METADATA_ONLY.test(line.CreatedBy)) {
      makesLayer[index] = true;
      unsized--;
    }
  }
  if (unsized !== 0 || makesLayer.filter(Boolean).length !== layerCount) {
    return Array.from({ length: layerCount }, () => ({ created: new Date(0).toISOString() }));
  }
  return oldestFirst.map((line, index) => ({
    created: new Date(line.Created * 1000).toISOString(),
    ...(line.CreatedBy ? { created_by: line.CreatedBy } : {}),
    ...(line.Comment ? { comment: line.Comment } : {}),
    ...(makesLayer[index] ? {} : { empty_layer: true }),
  }));
}

const METADATA_ONLY =
  /#\(nop\)|^(ARG|CMD|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\b/;

/**
 * A `docker load` archive that holds only the config and a manifest naming it: Docker finds
 * every layer it lists by its diff ID among the layers it already has, so nothing is copied.
 * Returns the archive and the image ID Docker will give it (the digest of the config).
 */
export async function configOnlyArchive(config: ImageConfig): Promise<{ archive: Buffer; imageId: string }> {
  const json = Buffer.from(JSON.stringify(config));
  const digest = createHash('sha256').update(json).digest('hex');
  const manifest = [
    {
      Config: `${digest}.json`,
      RepoTags: null,
      // Layers Docker has are not read: these names only make the manifest complete.
      Layers: config.rootfs.diff_ids.map((id) => `${id.replace(/^sha256:/, '')}/layer.tar`),
    },
  ];
  return {
    archive: await tarArchive([
      { name: `${digest}.json`, content: json },
      { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) },
    ]),
    imageId: `sha256:${digest}`,
  };
}

async function tarArchive(files: { name: string; content: Buffer }[]): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const file of files) pack.entry({ name: file.name, mode: 0o644 }, file.content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
