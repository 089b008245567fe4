import { parseArgs } from 'node:util';
import { describeError } from '../core/errors.js';
import { detectCiLogPlatform, maskCommand } from './ci-masking.js';
import type { Command, CommandInput } from './command.js';
import { TerminalReporter } from './terminal-reporter.js';
import { UsageError } from './usage-error.js';

export const VERSION = '0.1.0';

/** A command by its words, and how to load it: only when it runs (or help lists it). */
export interface CommandEntry {
  words: string[];
  load(): Promise<Command>;
}

// Each command's module, with the core it uses, is loaded only when that command runs: the
// bundle splits at these imports, so `--version` loads none of them and `clone create` only its own.
const clones = () => import('./commands/clone-commands.js');
const images = () => import('./commands/image-commands.js');
const registry = () => import('./commands/registry-commands.js');
const pipeline = () => import('./commands/pipeline-commands.js');
const proxy = () => import('./commands/proxy-commands.js');

export const COMMANDS: CommandEntry[] = [
  entry('image build', async () => (await images()).imageBuild),
  entry('image classify', async () => (await images()).imageClassify),
  entry('image list', async () => (await images()).imageList),
  entry('image remove', async () => (await images()).imageRemove),
  entry('image push', async () => (await registry()).imagePush),
  entry('image pull', async () => (await registry()).imagePull),
  entry('image warm', async () => (await registry()).imageWarm),
  entry('image promote', async () => (await registry()).imagePromote),
  entry('image prune', async () => (await registry()).imagePrune),
  entry('clone create', async () => (await clones()).cloneCreate),
  entry('clone list', async () => (await clones()).cloneList),
  entry('clone show', async () => (await clones()).cloneShow),
  entry('clone reset', async () => (await clones()).cloneReset),
  entry('clone start', async () => (await clones()).cloneStart),
  entry('clone remove', async () => (await clones()).cloneRemove),
  entry('clone save', async () => (await clones()).cloneSave),
  entry('clone logs', async () => (await clones()).cloneLogs),
  entry('clone connect', async () => (await clones()).cloneConnect),
  entry('provision', async () => (await pipeline()).provisionCommand),
  entry('migrate', async () => (await pipeline()).migrateCommand),
  entry('test', async () => (await pipeline()).testCommand),
  entry('reset', async () => (await pipeline()).resetCommand),
  entry('teardown', async () => (await pipeline()).teardownCommand),
  entry('run', async () => (await pipeline()).runCommand),
  entry('doctor', async () => (await import('./commands/doctor-command.js')).doctorCommand),
  entry('gc', async () => (await import('./commands/gc-command.js')).gcCommand),
  // `proxy switch` and `proxy stop` before `proxy`: the first command whose words match wins.
  entry('proxy switch', async () => (await proxy()).proxySwitch),
  entry('proxy stop', async () => (await proxy()).proxyStop),
  entry('proxy', async () => (await proxy()).proxyStart),
];

function entry(words: string, load: () => Promise<Command>): CommandEntry {
  return { words: words.split(' '), load };
}

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'show-password': { type: 'boolean' },
  debug: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one dataclone command line; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function runCli(argv: string[]): Promise<number> {
  const found = COMMANDS.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!found) return unknownCommand(argv);
  const command = await found.load();
  let input: CommandInput;
  let flags: ReturnType<typeof parseCommandLine>['flags'];
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
  // In a CI job's log, each secret is handed to the platform's masking first: on stdout, before
  // the line that shows it; with --json on stderr, so that stdout stays one JSON document.
  const platform = detectCiLogPlatform(process.env);
  const announce = flags.json ? process.stderr : process.stdout;
  const reporter = new TerminalReporter({
    debug: flags.debug,
    quiet: flags.quiet,
    announceSecret: platform ? (secret) => announce.write(`${maskCommand(platform, secret)}\n`) : undefined,
  });
  // Human output shows *** for every secret unless --show-password; --json is for machines.
  const reveal = flags.json || flags.showPassword;
  try {
    const { dockerHostFromEnvironment } = await import('../docker/docker-host.js');
    return await command.run(input, {
      host: dockerHostFromEnvironment(),
      reporter,
      json: flags.json,
      print: (text) => process.stdout.write(`${reveal ? text : reporter.mask(text)}\n`),
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
      showPassword: values['show-password'] === true,
      debug: values.debug === true,
      quiet: values.quiet === true,
      help: values.help === true,
    },
  };
}

async function unknownCommand(argv: string[]): Promise<number> {
  const wantsHelp = argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h';
  if (argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const help = [
    'dataclone: production-like databases for every CI job, in about a second',
    '',
    'commands:',
    ...(await Promise.all(COMMANDS.map((candidate) => candidate.load()))).map(
      (command) => `  ${command.words.join(' ').padEnd(14)} ${command.summary}`,
    ),
    '',
    'options for every command: --json, --show-password, --debug, --quiet, --help',
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
export async function parseCli(argv: string[]): Promise<{ command: Command; input: CommandInput }> {
  const found = COMMANDS.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!found) throw new UsageError(`unknown command '${argv.slice(0, 2).join(' ')}'`, 'dataclone --help');
  const command = await found.load();
  return { command, input: parseCommandLine(command, argv.slice(command.words.length)).input };
}
