import { DatacloneError } from '../core/errors.js';
import type { AttachedExecOptions, DockerHost } from '../docker/docker-host.js';
import { engineFor } from '../engines/index.js';
import { requireClone } from './read-clone.js';
import { findStandbyServers } from './standby/standby-servers.js';

export interface ConnectCloneOptions extends Pick<
  AttachedExecOptions,
  'stdin' | 'stdout' | 'stderr' | 'terminal'
> {
  host: DockerHost;
  name: string;
  /** Default: the clone's primary database. */
  database?: string;
  /** Options for the client itself (`-c 'select 1'`), after the ones that log it in. */
  args: string[];
}

/**
 * Opens the engine's own client inside a clone's container, logged in over the server's socket:
 * nothing to install on this machine and no password on any command line. For a clone with a
 * warm standby, in the server that the clone's port leads to. Resolves with the client's exit code.
 */
export async function connectClone(options: ConnectCloneOptions): Promise<number> {
  const { host, name } = options;
  const clone = await requireClone(host, name);
  if (clone.status !== 'running') {
    throw new DatacloneError(
      `clone ${name} is not running (${clone.status}), so there is no server to connect to`,
      `Its log says why: dataclone clone logs ${name}.`,
    );
  }
  const engine = engineFor(clone.engine);
  const server = clone.standby ? (await findStandbyServers(host, name)).active.id : clone.containerId;
  return host.execAttached(
    server,
    engine.clientCommand(options.database ?? clone.connection.primaryDatabase, options.args),
    {
      user: engine.serverUser,
      stdin: options.stdin,
      stdout: options.stdout,
      stderr: options.stderr,
      terminal: options.terminal,
    },
  );
}
