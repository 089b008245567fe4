import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { defaultBaseImage } from '../definition/engine-versions.js';
import type { ImageDefinition } from '../definition/types.js';
import type { BuildShell, Engine } from '../engines/engine.js';
import {
  describeServer,
  ENGINE_PRODUCTS,
  isOfVersion,
  parseServerVersion,
  type ServerVersion,
} from '../engines/server-version.js';
import type { DataImage } from './data-image.js';

/**
 * Refuses a build whose base image runs another server than the definition names: its data
 * would be made by one major version and labelled as another, and every clone would run with
 * the other version's settings. Asked of the server binary itself, before any data is made.
 */
export async function checkBaseImageServer(
  shell: BuildShell,
  engine: Engine,
  definition: Pick<ImageDefinition, 'file' | 'engine' | 'version' | 'baseImage'>,
  reporter: Reporter,
): Promise<void> {
  const output = await shell.run(engine.serverVersionCommand(), { label: 'server version' });
  const server = parseServerVersion(output);
  if (!server) {
    reporter.warn(
      `${definition.file}: cannot tell which server baseImage ${definition.baseImage} runs (its server said: ${output.trim() || 'nothing'}); the build goes on as version "${definition.version}"`,
    );
    return;
  }
  const problem = mismatch(definition.engine, definition.version, server);
  if (!problem) return;
  throw new DatacloneError(
    `${definition.file}: ${problem.field} names ${problem.named}, and baseImage ${definition.baseImage} runs ${describeServer(server)}`,
    `A data directory starts only under the server that made it. Set ${problem.fix}, or a baseImage of ${problem.named} (such as ${defaultBaseImage(definition.engine, definition.version)}).`,
  );
}

/**
 * Refuses to start a clone of a data image whose own server (as its environment declares it,
 * inherited from the base image) is of another major version than the label its data was built
 * for: a data image rebuilt on another base, or a label changed by hand.
 */
export function checkImageServer(
  reference: string,
  image: Pick<DataImage, 'engine' | 'engineVersion' | 'server'>,
) {
  if (!image.server) return;
  const problem = mismatch(image.engine, image.engineVersion, image.server);
  if (!problem) return;
  throw new DatacloneError(
    `image ${reference}: its data was made by ${problem.named} (label dataclone.engine.version), and the image runs ${describeServer(image.server)}`,
    `A data directory starts only under the major version that made it. Build the image again from its definition (dataclone image build) on a base image of ${problem.named}, or with version: "${majorOf(image.server)}" if ${describeServer(image.server)} is the server you want.`,
  );
}

function mismatch(engine: string, version: string, server: ServerVersion) {
  const product = ENGINE_PRODUCTS[engine] ?? engine;
  const named = `${product} ${version}`;
  if (server.product !== product)
    return { field: 'engine', named, fix: `engine: ${engineOf(server)} (version: "${majorOf(server)}")` };
  if (!isOfVersion(server, version)) return { field: 'version', named, fix: `version: "${majorOf(server)}"` };
  return undefined;
}

/** The major version as definitions write it: 17 for PostgreSQL, 11.8 for MariaDB and MySQL. */
function majorOf(server: ServerVersion): string {
  const parts = server.version.split('.');
  return server.product === 'PostgreSQL' ? parts[0]! : parts.slice(0, 2).join('.');
}

function engineOf(server: ServerVersion): string {
  return Object.entries(ENGINE_PRODUCTS).find(([, product]) => product === server.product)?.[0] ?? '';
}
