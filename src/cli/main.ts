import { parseArgs } from 'node:util';
import { describeError } from '../core/errors.js';
import { dockerHostFromEnvironment } from '../docker/docker-host.js';
import type { Command, CommandInput } from './command.js';
import {
  cloneConnect,
  cloneCreate,
  cloneList,
  cloneLogs,
  cloneRemove,
  cloneSave,
  cloneReset,
  cloneShow,
  cloneStart,
} from './commands/clone-commands.js';
import { doctorCommand } from './commands/doctor-command.js';
import { gcCommand } from './commands/gc-command.js';
import { imageBuild, imageList, imageRemove } from './commands/image-commands.js';
import { proxyStart, proxyStop, proxySwitch } from './commands/proxy-commands.js';
import { imagePromote, imagePrune, imagePull, imagePush } from './commands/registry-commands.js';
import {
  migrateCommand,
  provisionCommand,
  resetCommand,
  runCommand,
  teardownCommand,
  testCommand,
} from './commands/pipeline-commands.js';
import { TerminalReporter } from './terminal-reporter.js';
import { UsageError } from './usage-error.js';

export const VERSION = '0.1.0';

const COMMANDS: Command[] = [
  imageBuild,
  imageList,
  imageRemove,
  imagePush,
  imagePull,
  imagePromote,
  imagePrune,
  cloneCreate,
  cloneList,
  cloneShow,
  cloneReset,
  cloneStart,
  cloneRemove,
  cloneSave,
  cloneLogs,
  cloneConnect,
  provisionCommand,
  migrateCommand,
  testCommand,
  resetCommand,
  teardownCommand,
  runCommand,
  doctorCommand,
  gcCommand,
  // `proxy switch` and `proxy stop` before `proxy`: the first command whose words match wins.
  proxySwitch,
  proxyStop,
  proxyStart,
];

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one dataclone command line; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function runCli(argv: string[]): Promise<number> {
  const command = COMMANDS.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!command) return unknownCommand(argv);
  let input: CommandInput;
  let flags: { json: boolean; debug: boolean; quiet: boolean; help: boolean };
  try {
    ({ input, flags } = parseCommandLine(command, argv.slice(command.words.length)));
  } catch (error) {
    process.stderr.write(`dataclone: ${describeError(error).message}\nusage: ${command.usage}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  const reporter = new TerminalReporter({ debug: flags.debug, quiet: flags.quiet });
  try {
    return await command.run(input, {
      host: dockerHostFromEnvironment(),
      reporter,
      json: flags.json,
      print: (text) => process.stdout.write(`${text}\n`),
    });
  } catch (error) {
    const { message, hint } = describeError(error);
    process.stderr.write(reporter.mask(`dataclone: ${message}\n${hint ? `${hint}\n` : ''}`));
    if (flags.debug && error instanceof Error && error.stack)
      process.stderr.write(`${reporter.mask(error.stack)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function parseCommandLine(command: Command, args: string[]) {
  const separator = args.indexOf('--');
  const own = separator === -1 ? args : args.slice(0, separator);
  const rest = separator === -1 ? [] : args.slice(separator + 1);
  const { values, positionals } = parseArgs({
    args: own,
    options: { ...GLOBAL_OPTIONS, ...command.options },
    allowPositionals: true,
    strict: true,
  });
  const range = command.positionals ?? { min: 0, max: 0, names: '' };
  if (!values.help && (positionals.length < range.min || positionals.length > range.max)) {
    throw new UsageError(
      positionals.length < range.min
        ? `${command.words.join(' ')}: missing ${range.names}`
        : `${command.words.join(' ')}: unexpected argument '${positionals[range.max]}'`,
      command.usage,
    );
  }
  return {
    input: { values: values as CommandInput['values'], positionals, rest },
    flags: {
      json: values.json === true,
      debug: values.debug === true,
      quiet: values.quiet === true,
      help: values.help === true,
    },
  };
}

function unknownCommand(argv: string[]): number {
  const wantsHelp = argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h';
  if (argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const help = [
    'dataclone: production-like databases for every CI job, in about a second',
    '',
    'commands:',
    ...COMMANDS.map((command) => `  ${command.words.join(' ').padEnd(14)} ${command.summary}`),
    '',
    'options for every command: --json, --debug, --quiet, --help',
  ].join('\n');
  if (wantsHelp) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  process.stderr.write(`dataclone: unknown command '${argv.slice(0, 2).join(' ')}'\n\n${help}\n`);
  return 2;
}

/**
 * Reads a command line as runCli does, without running it: the command it names and what its
 * options and arguments parse to. Throws the usage error runCli would report with exit code 2.
 */
export function parseCli(argv: string[]): { command: Command; input: CommandInput } {
  const command = COMMANDS.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!command) throw new UsageError(`unknown command '${argv.slice(0, 2).join(' ')}'`, 'dataclone --help');
  return { command, input: parseCommandLine(command, argv.slice(command.words.length)).input };
}
