import type { Clone } from '../../clones/clone.js';
import { parseNetworking, type NetworkingChoice } from '../../clones/clone-networking.js';
import { DatacloneError } from '../../core/errors.js';
import { connectClone } from '../../clones/connect-clone.js';
import { createClone } from '../../clones/create-clone.js';
import { listClones, requireClone } from '../../clones/read-clone.js';
import { removeClone } from '../../clones/remove-clone.js';
import { saveClone } from '../../clones/save-clone.js';
import { resetClone } from '../../clones/reset-clone.js';
import { startStoppedClone } from '../../clones/start-stopped-clone.js';
import {
  numberOption,
  stringOption,
  type Command,
  type CommandContext,
  type CommandInput,
} from '../command.js';
import { formatTable } from '../table.js';
import { UsageError } from '../usage-error.js';

export const cloneCreate: Command = {
  words: ['clone', 'create'],
  summary: 'Start a private, writable clone of a data image',
  usage:
    'dataclone clone create --image <image> [--name <name>] [--port <port>] [--bind-address <ip>] [--owner <id>] [--lifetime <8h>] [--standby] [--networking bridge|host|auto] [--json]',
  options: {
    image: { type: 'string', short: 'i' },
    name: { type: 'string', short: 'n' },
    port: { type: 'string', short: 'p' },
    'bind-address': { type: 'string' },
    owner: { type: 'string' },
    lifetime: { type: 'string' },
    standby: { type: 'boolean' },
    networking: { type: 'string' },
  },
  async run(input, context) {
    const image = stringOption(input, 'image');
    if (!image) throw new UsageError('clone create: --image is required', this.usage);
    const { clone, durationMs } = await createClone({
      host: context.host,
      reporter: context.reporter,
      image,
      name: stringOption(input, 'name'),
      port: numberOption(input, 'port'),
      bindAddress: stringOption(input, 'bind-address'),
      owner: stringOption(input, 'owner'),
      lifetime: stringOption(input, 'lifetime'),
      standby: input.values.standby === true,
      networking: networkingOption(input, this.usage),
    });
    printClone(context, clone, { durationMs });
    return 0;
  },
};

export const cloneShow: Command = {
  words: ['clone', 'show'],
  summary: "Print a clone's connection details",
  usage: 'dataclone clone show <name> [--json]',
  options: {},
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, context) {
    printClone(context, await requireClone(context.host, input.positionals[0] ?? ''));
    return 0;
  },
};

export const cloneList: Command = {
  words: ['clone', 'list'],
  summary: 'List clones on the Docker host',
  usage: 'dataclone clone list [--owner <id>] [--json]',
  options: { owner: { type: 'string' } },
  async run(input, { host, print, json }) {
    await host.ping();
    const clones = await listClones(host, stringOption(input, 'owner'));
    if (json) {
      print(JSON.stringify(clones.map(cloneJson), null, 2));
      return 0;
    }
    print(
      formatTable(
        ['NAME', 'STATUS', 'IMAGE', 'ADDRESS', 'OWNER', 'CREATED', 'EXPIRES'],
        clones.map((clone) => [
          clone.name,
          clone.status,
          clone.image,
          `${clone.connection.host}:${clone.connection.port}`,
          clone.owner,
          clone.created,
          clone.expires ?? '-',
        ]),
      ),
    );
    const stopped = clones.filter((clone) => clone.status !== 'running');
    if (stopped.length) print(`\n${startHint(stopped.map((clone) => clone.name))}`);
    return 0;
  },
};

export const cloneReset: Command = {
  words: ['clone', 'reset'],
  summary: 'Put a clone back to the state of its image (same name, port and password)',
  usage: 'dataclone clone reset <name> [--json]',
  options: {},
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, context) {
    const { clone, durationMs } = await resetClone({
      host: context.host,
      reporter: context.reporter,
      name: input.positionals[0] ?? '',
    });
    printClone(context, clone, { durationMs });
    return 0;
  },
};

export const cloneStart: Command = {
  words: ['clone', 'start'],
  summary: 'Start a clone that is not running (after a Docker Engine restart, say) with the data it had',
  usage: 'dataclone clone start <name> [--json]',
  options: {},
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, context) {
    const { clone, durationMs } = await startStoppedClone({
      host: context.host,
      reporter: context.reporter,
      name: input.positionals[0] ?? '',
    });
    printClone(context, clone, { durationMs });
    return 0;
  },
};

export const cloneSave: Command = {
  words: ['clone', 'save'],
  summary: "Commit a clone's current state as a new data image (start clones from it later)",
  usage: 'dataclone clone save <name> --tag <image:tag> [--json]',
  options: { tag: { type: 'string', short: 't' } },
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, context) {
    const tag = stringOption(input, 'tag');
    if (!tag) throw new UsageError('clone save: --tag is required', this.usage);
    const saved = await saveClone({
      host: context.host,
      reporter: context.reporter,
      name: input.positionals[0] ?? '',
      tag,
    });
    context.print(context.json ? JSON.stringify(saved, null, 2) : `${saved.tag}  ${saved.imageId}`);
    return 0;
  },
};

export const cloneRemove: Command = {
  words: ['clone', 'remove'],
  summary: 'Remove a clone and its data',
  usage: 'dataclone clone remove <name> [--json]',
  options: {},
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, { host, reporter, print, json }) {
    const { clone, durationMs } = await removeClone({ host, reporter, name: input.positionals[0] ?? '' });
    if (json) print(JSON.stringify({ removed: clone.name, durationMs }));
    return 0;
  },
};

export const cloneLogs: Command = {
  words: ['clone', 'logs'],
  summary: "Print a clone's server log",
  usage: 'dataclone clone logs <name> [--tail <lines>] [--follow]',
  options: { tail: { type: 'string' }, follow: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, { host }) {
    const clone = await requireClone(host, input.positionals[0] ?? '');
    if (input.values.follow) {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      await host.followLogs(clone.containerId, process.stdout, controller.signal);
    } else {
      process.stdout.write(await host.containerLogs(clone.containerId, numberOption(input, 'tail')));
    }
    return 0;
  },
};

export const cloneConnect: Command = {
  words: ['clone', 'connect'],
  summary: "Open the engine's own client (psql, mariadb/mysql) in a clone, logged in",
  usage: 'dataclone clone connect <name> [--database <name>] [-- <client arguments>]',
  options: { database: { type: 'string', short: 'd' } },
  positionals: { min: 1, max: 1, names: '<name>' },
  async run(input, { host }) {
    // A TTY only when there is a terminal to type in; else plain streams, for scripts and pipes.
    const terminal = process.stdin.isTTY && process.stdout.isTTY ? process.stdout : undefined;
    return connectClone({
      host,
      name: input.positionals[0] ?? '',
      database: stringOption(input, 'database'),
      args: input.rest,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      terminal,
    });
  },
};

/** --networking: a value it does not know is a command line the CLI cannot understand. */
export function networkingOption(input: CommandInput, usage: string): NetworkingChoice | undefined {
  try {
    return parseNetworking(stringOption(input, 'networking'), '--networking');
  } catch (error) {
    if (error instanceof DatacloneError) throw new UsageError(error.message, usage);
    throw error;
  }
}

/** A clone as --json prints it; the shape is documented in the README. */
export function cloneJson(clone: Clone) {
  const { connection } = clone;
  return {
    name: clone.name,
    status: clone.status,
    image: clone.image,
    imageId: clone.imageId,
    engine: clone.engine,
    owner: clone.owner,
    created: clone.created,
    expires: clone.expires ?? null,
    networking: clone.networking,
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    primaryDatabase: connection.primaryDatabase,
    databases: connection.databases,
    environment: connection.clientEnvironment,
  };
}

function printClone(context: CommandContext, clone: Clone, timing?: { durationMs: number }): void {
  if (context.json) {
    context.print(JSON.stringify({ ...cloneJson(clone), ...timing }, null, 2));
    return;
  }
  const { connection } = clone;
  const networking = clone.networking === 'host' ? ', host networking' : '';
  context.print(`clone     ${clone.name}  (${clone.image}, ${clone.status}${networking})`);
  if (clone.status !== 'running') context.print(startHint([clone.name]));
  context.print(`host      ${connection.host}`);
  context.print(`port      ${connection.port}`);
  context.print(`user      ${connection.user}`);
  context.print(`password  ${connection.password}`);
  context.print('');
  context.print(
    formatTable(
      ['DATABASE', 'URL', 'JDBC URL'],
      connection.databases.map((db) => [
        db.name === connection.primaryDatabase ? `${db.name} (primary)` : db.name,
        db.url,
        db.jdbcUrl,
      ]),
    ),
  );
}

/** What to do about clones that do not run: their data is there, on the port they had. */
function startHint(names: string[]): string {
  const commands = names.map((name) => `dataclone clone start ${name}`).join(', ');
  return `not running (its data is kept): start ${names.length > 1 ? 'them' : 'it'} with ${commands}`;
}
