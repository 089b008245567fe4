import { DatacloneError } from '../core/errors.js';
import { imageDefinitionSchema } from '../definition/schema.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import { declaredServerVersion, type ServerVersion } from '../engines/server-version.js';

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
  /** The server the image runs, as its environment declares it (see declaredServerVersion); undefined when it does not. */
  server?: ServerVersion;
  /** Paths the base image declares as volumes; clones mount tmpfs there instead. */
  volumes: string[];
  sizeBytes: number;
  /** Every label of the image, as Docker reports them. */
  labels: Record<string, string>;
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
  if (!labels[Labels.engine]) {
    throw new DatacloneError(
      `${field}: '${reference}' is not a data image (it has no ${Labels.engine} label)`,
      'Clones start from images made by `dataclone image build`.',
    );
  }
  // An image may come from anywhere (a registry, a crafted `docker commit`), and what its labels
  // say reaches SQL, URLs and test commands: they are held to the rules of a definition.
  const check = new LabelCheck(reference, field, labels);
  const engine = check.engine();
  const databases = check.databases();
  check.port(engine.port);
  return {
    reference,
    id: image.id,
    engine: engine.name,
    engineVersion: check.matching(Labels.engineVersion, VERSION, 'a version such as 16 or 11.4'),
    definitionName: check.matching(Labels.definitionName, DEFINITION_NAME, DEFINITION_NAME_RULE),
    definitionDigest: check.matching(Labels.definitionDigest, DIGEST, 'a hexadecimal digest'),
    databases,
    primaryDatabase: check.primaryDatabase(databases),
    superuser: check.matching(Labels.superuser, DATABASE_NAME, DATABASE_NAME_RULE),
    built: labels[Labels.built] ?? '',
    ...check.connectsToItself(),
    server: declaredServerVersion(engine.name, image.env ?? {}),
    volumes: image.volumes,
    sizeBytes: image.sizeBytes,
    labels,
  };
}

const databaseName = imageDefinitionSchema.definitions.database.properties.name;
/** A database name, by the rule the definition schema gives: letters, digits and _. */
const DATABASE_NAME = new RegExp(databaseName.pattern);
const DATABASE_NAME_RULE = `${databaseName.patternErrorMessage}, at most ${databaseName.maxLength} characters`;
const DEFINITION_NAME = new RegExp(imageDefinitionSchema.properties.name.pattern);
const DEFINITION_NAME_RULE = imageDefinitionSchema.properties.name.patternErrorMessage;
const VERSION = /^[0-9]+(\.[0-9]+)*$/;
const DIGEST = /^(sha256:)?[0-9a-f]+$/;
const MAX_NAME = databaseName.maxLength;

/** Reads one image's labels, failing on the first one that breaks its rule. */
class LabelCheck {
  constructor(
    private readonly reference: string,
    private readonly field: string,
    private readonly labels: Record<string, string>,
  ) {}

  engine() {
    const name = this.labels[Labels.engine] ?? '';
    try {
      return engineFor(name);
    } catch {
      throw this.invalid(Labels.engine, 'postgres, mysql or mariadb');
    }
  }

  /** The server's port inside the container, where the image says: the engine's own. */
  port(enginePort: number): void {
    const value = this.labels[Labels.port];
    if (value !== undefined && value !== String(enginePort))
      throw this.invalid(Labels.port, `${enginePort}, the port of ${this.labels[Labels.engine]}`);
  }

  /** An optional label: empty when missing, else it must match. */
  matching(label: string, rule: RegExp, expected: string): string {
    const value = this.labels[label] ?? '';
    if (value === '' || (rule.test(value) && value.length <= 128)) return value;
    throw this.invalid(label, expected);
  }

  databases(): DataImage['databases'] {
    const text = this.labels[Labels.databases];
    if (text === undefined) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.invalid(Labels.databases, 'a JSON list of {"name", "dependsOn"}');
    }
    if (!Array.isArray(parsed)) throw this.invalid(Labels.databases, 'a JSON list of {"name", "dependsOn"}');
    const databases = parsed.map((entry: unknown) => {
      const { name, dependsOn = [] } = (entry ?? {}) as { name?: unknown; dependsOn?: unknown };
      if (!isDatabaseName(name))
        throw this.invalid(Labels.databases, `database names: ${DATABASE_NAME_RULE}`);
      if (!Array.isArray(dependsOn) || !dependsOn.every(isDatabaseName))
        throw this.invalid(Labels.databases, `dependsOn lists of database names: ${DATABASE_NAME_RULE}`);
      return { name, dependsOn };
    });
    const names = databases.map((db) => db.name);
    if (new Set(names).size !== names.length) throw this.invalid(Labels.databases, 'each database once');
    if (!databases.every((db) => db.dependsOn.every((dependency) => names.includes(dependency))))
      throw this.invalid(Labels.databases, 'dependsOn naming databases of the image');
    return databases;
  }

  primaryDatabase(databases: DataImage['databases']): string {
    const primary = this.labels[Labels.primaryDatabase] ?? '';
    const names = databases.map((db) => db.name);
    if (primary === '' || names.includes(primary)) return primary;
    throw this.invalid(
      Labels.primaryDatabase,
      `one of the databases in ${Labels.databases}: ${names.join(', ') || '(none)'}`,
    );
  }

  connectsToItself(): { connectsToItself?: boolean } {
    const value = this.labels[Labels.connectsToItself];
    if (value === undefined) return {};
    if (value === 'true' || value === 'false') return { connectsToItself: value === 'true' };
    throw this.invalid(Labels.connectsToItself, 'true or false');
  }

  private invalid(label: string, expected: string): DatacloneError {
    const value = this.labels[label] ?? '';
    const shown = value.length > 80 ? `${value.slice(0, 80)}...` : value;
    return new DatacloneError(
      `${this.field}: image '${this.reference}' has an invalid ${label} label ${JSON.stringify(shown)}: expected ${expected}`,
      'dataclone starts clones only from images whose labels follow the rules of an image definition. Rebuild the image with `dataclone image build`, or use an image from a source you trust.',
    );
  }
}

function isDatabaseName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_NAME && DATABASE_NAME.test(name);
}
