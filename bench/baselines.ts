import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import type { Clone } from '../src/clones/clone.js';
import { randomSuffix } from '../src/core/random.js';
import { silentReporter } from '../src/core/reporter.js';
import type { DatabaseDefinition } from '../src/definition/types.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import type { BuildShell, Engine } from '../src/engines/engine.js';
import { dockerBuildShell } from '../src/images/build-shell.js';
import { ensureImage } from '../src/images/ensure-image.js';
import { timed } from './stats.js';

/**
 * What a user does without data images: restore a dump of the same data, either into a fresh
 * container of the base image (the testcontainers way) or into one shared server.
 */

/** Dumps one database of a clone the way its engine's own tool does, to a file on this machine. */
export async function dumpDatabase(host: DockerHost, clone: Clone, database: string, file: string) {
  const postgres = clone.engine === 'postgres';
  const inContainer = postgres ? '/tmp/bench.dump' : '/tmp/bench.sql';
  const command = postgres
    ? `for d in /usr/lib/postgresql/*/bin; do PATH="$PATH:$d"; done; pg_dump -Fc -h /tmp -U postgres -d "$1" -f ${inContainer}`
    : `$(command -v mariadb-dump || command -v mysqldump) --no-defaults --socket=/tmp/dataclone-mysqld.sock -uroot --single-transaction "$1" > ${inContainer}`;
  const result = await host.exec(clone.containerId, ['sh', '-c', command, 'sh', database], {
    user: postgres ? 'postgres' : 'mysql',
  });
  if (result.exitCode !== 0) throw new Error(`dump of ${database} failed: ${result.stderr}`);
  const archive = await host.docker.getContainer(clone.containerId).getArchive({ path: inContainer });
  const extract = tarStream.extract();
  const written = new Promise<void>((resolve, reject) => {
    extract.on('entry', (_header, stream, next) => {
      pipeline(stream, createWriteStream(file)).then(() => next(), reject);
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  archive.pipe(extract);
  await written;
  return { kind: postgres ? ('pg-custom' as const) : ('sql' as const), path: file };
}

/** A started container of the base image with an initialised, running server. */
export interface ScratchServer {
  shell: BuildShell;
  remove(): Promise<void>;
}

export async function startScratchServer(host: DockerHost, engine: Engine, baseImage: string) {
  const base = await ensureImage(host, baseImage, silentReporter, 'baseImage');
  const id = await host.createContainer({
    name: `dataclone-bench-baseline-${randomSuffix()}`,
    image: baseImage,
    labels: { 'dataclone.owner': `bench-${process.pid}` },
    entrypoint: ['tail', '-f', '/dev/null'],
    cmd: [],
    user: 'root',
    tmpfs: base.volumes,
  });
  try {
    await host.startContainer(id);
    const shell = dockerBuildShell(host, id, engine.serverUser, silentReporter);
    await engine.initialise(shell);
    return { shell, remove: () => host.removeContainer(id) } satisfies ScratchServer;
  } catch (error) {
    await host.removeContainer(id);
    throw error;
  }
}

/** Fresh container of the base image, initialise, create the database, restore the dump. */
export async function restoreIntoFreshContainer(
  host: DockerHost,
  engine: Engine,
  baseImage: string,
  database: DatabaseDefinition,
): Promise<number> {
  const [server, ms] = await timed(async () => {
    const started = await startScratchServer(host, engine, baseImage);
    await engine.createDatabase(started.shell, database.name);
    await engine.restoreDatabase(started.shell, database, silentReporter);
    return started;
  });
  await server.remove();
  return ms;
}

/** Into one long-running shared server: create a database under a new name and restore into it. */
export async function restoreIntoSharedServer(
  engine: Engine,
  server: ScratchServer,
  database: DatabaseDefinition,
  run: number,
): Promise<number> {
  const name = `${database.name}_${run}`;
  const [, ms] = await timed(async () => {
    await engine.createDatabase(server.shell, name);
    await engine.restoreDatabase(server.shell, { ...database, name }, silentReporter);
  });
  return ms;
}
