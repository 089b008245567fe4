import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import type { DockerHost } from '../../src/docker/docker-host.js';
import { Labels } from '../../src/docker/labels.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineFor } from '../../src/engines/index.js';
import { dockerBuildShell } from '../../src/images/build-shell.js';
import { RecordingReporter } from './recording-reporter.js';

/**
 * A stand-in for a production server: a container from a base image with an instance made the
 * way a build makes one, filled with SQL, and dumped with the real pg_dump, pg_dumpall or
 * mysqldump of that image. Carries the test run's owner label, so cleanup removes it.
 */
export async function startSourceServer(
  host: DockerHost,
  options: {
    image: string;
    engine: 'postgres' | 'mariadb' | 'mysql';
    owner: string;
    name: string;
    /** A network to join, where other containers reach the server by `name`. */
    network?: string;
  },
): Promise<SourceServer> {
  const engine = engineFor(options.engine);
  const id = await host.createContainer({
    name: options.name,
    image: options.image,
    labels: { [Labels.owner]: options.owner },
    entrypoint: ['tail', '-f', '/dev/null'],
    cmd: [],
    user: 'root',
    ...(options.network !== undefined && { network: options.network }),
  });
  await host.startContainer(id);
  const shell = dockerBuildShell(host, id, engine.serverUser, new RecordingReporter());
  await engine.initialise(shell);
  return new SourceServer(host, id, engine, shell);
}

export class SourceServer implements AsyncDisposable {
  constructor(
    private readonly host: DockerHost,
    readonly id: string,
    private readonly engine: Engine,
    private readonly shell: ReturnType<typeof dockerBuildShell>,
  ) {}

  /** Runs SQL as the superuser, in the maintenance database unless one is named. */
  async sql(text: string, database?: string): Promise<void> {
    const client =
      this.engine.name === 'postgres'
        ? `psql -X -q -v ON_ERROR_STOP=1 -h /tmp -U postgres -d "\${DB:-postgres}"`
        : `"$(command -v mariadb || command -v mysql)" --no-defaults --socket=/tmp/dataclone-mysqld.sock -uroot \${DB:+--database="$DB"}`;
    await this.shell.run(['sh', '-c', `${BINARIES}; printf '%s' "$SQL" | ${client}`], {
      env: { SQL: text, ...(database && { DB: database }) },
      label: 'fill the source server',
    });
  }

  /** Runs a dump program of the image (pg_dumpall, pg_dump, mysqldump) and returns what it wrote. */
  async dump(command: string[]): Promise<string> {
    return this.shell.run(['sh', '-c', `${BINARIES}; exec "$@"`, 'sh', ...command], {
      label: command[0] ?? '',
    });
  }

  /** Copies a folder of the container (a backup a dump program wrote) into `into` on this machine. */
  async copyOut(docker: Docker, from: string, into: string): Promise<void> {
    const archive = await docker.getContainer(this.id).getArchive({ path: from });
    await pipeline(archive, tar.extract(into));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.host.removeContainer(this.id);
  }
}

const BINARIES = 'for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done';
