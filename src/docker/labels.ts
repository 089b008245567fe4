/**
 * Every label dataclone writes, named once. Containers and images carry them so that any later
 * process (a CI post step, `dataclone gc`, a test's cleanup) can find what dataclone made.
 */
export const Labels = {
  /** Who a clone or build container belongs to: a CI job, a user, a test run. */
  owner: 'dataclone.owner',
  clone: 'dataclone.clone',
  /** The image reference a clone was created from, as the user gave it. */
  image: 'dataclone.image',
  /** The image ID a clone was created from: reset returns to exactly this. */
  imageId: 'dataclone.image.id',
  created: 'dataclone.created',
  expires: 'dataclone.expires',
  engine: 'dataclone.engine',
  engineVersion: 'dataclone.engine.version',
  /** On data images: the definition's name, digest, databases and build time. */
  definitionName: 'dataclone.definition.name',
  definitionDigest: 'dataclone.definition.digest',
  databases: 'dataclone.databases',
  primaryDatabase: 'dataclone.databases.primary',
  superuser: 'dataclone.superuser',
  port: 'dataclone.port',
  /** On data images: `true` when its databases connect to the server itself (postgres_fdw,
   * dblink, FEDERATED), so its clones need a network of their own; `false` when they do not. */
  connectsToItself: 'dataclone.connects-to-itself',
  built: 'dataclone.built',
  /** On data images built with mask rules: `true`, the rules' digest, and whether a secret keyed them. */
  masked: 'dataclone.masked',
  maskDigest: 'dataclone.mask.digest',
  maskDeterministic: 'dataclone.mask.deterministic',
  /** On images made by `clone save`: the clone and the image it came from. */
  savedFrom: 'dataclone.saved-from',
  /** On clones: where the port was published, so reset publishes it there again. */
  bindAddress: 'dataclone.bind-address',
  hostPort: 'dataclone.host-port',
  /** On clones: `host` when the server listens on the host's network itself, else `bridge`. */
  networking: 'dataclone.networking',
  /** On clones of an environment, and on its network: which environment and instance. */
  environment: 'dataclone.environment',
  instance: 'dataclone.instance',
  /** The instance's position in the environment file: the first is the primary. */
  instanceIndex: 'dataclone.instance.index',
  /** The network an environment's clones share; reset reattaches the clone to it. */
  network: 'dataclone.network',
  /** On a clone with a warm standby: its proxy container carries `standby`; its two servers
   * carry `standbyOf` (the clone's name) and `slot` (a or b). */
  standby: 'dataclone.standby',
  standbyOf: 'dataclone.standby-of',
  slot: 'dataclone.slot',
} as const;

/** Labels that filter the Docker API's lists: `key` or `key=value`. */
export function labelFilter(labels: Record<string, string | undefined>): string[] {
  return Object.entries(labels).map(([key, value]) => (value === undefined ? key : `${key}=${value}`));
}

/**
 * Labels that describe one clone (or one of its containers), never an image. Docker copies an
 * image's labels onto every container made from it, so a clone's container sets each of these
 * itself (see `cloneContainerLabels`), an image that carries one has it ignored with a warning,
 * and `clone save` leaves them out of the image it writes.
 */
export const CLONE_LABELS: readonly string[] = [
  Labels.clone,
  Labels.owner,
  Labels.image,
  Labels.imageId,
  Labels.created,
  Labels.expires,
  Labels.bindAddress,
  Labels.hostPort,
  Labels.networking,
  Labels.environment,
  Labels.instance,
  Labels.instanceIndex,
  Labels.network,
  Labels.standby,
  Labels.standbyOf,
  Labels.slot,
];

/**
 * A clone container's labels: every clone label set, to `""` where the clone has no such
 * setting, so that no label of the image stands in for one that dataclone did not record.
 */
export function cloneContainerLabels(labels: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(CLONE_LABELS.map((key) => [key, ''])), ...labels };
}

/** The clone labels an image carries with a value: they are ignored, and the user is told. */
export function cloneLabelsOf(imageLabels: Record<string, string>): string[] {
  return CLONE_LABELS.filter((key) => (imageLabels[key] ?? '') !== '');
}
