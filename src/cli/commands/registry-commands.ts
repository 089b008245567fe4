import { DatacloneError } from '../../core/errors.js';
import { promoteImage } from '../../images/promote-image.js';
import { pruneImages } from '../../images/prune-images.js';
import { pullImage, pushImage, type RegistryCredentials } from '../../images/registry.js';
import { runWarmWorker } from '../../warm/run-warm-worker.js';
import { startWarm } from '../../warm/start-warm.js';
import { warmRecordPath } from '../../warm/warm-record.js';
import { numberOption, stringOption, type Command, type CommandInput } from '../command.js';
import { resolveJobId } from '../job-id.js';
import { stateDirectory } from '../state-directory.js';
import { UsageError } from '../usage-error.js';

/**
 * Registry credentials: the user from --registry-user or DATACLONE_REGISTRY_USER, the password
 * or token only from DATACLONE_REGISTRY_PASSWORD or standard input (--registry-password-stdin),
 * never from the command line, where other users of the machine and CI logs could see it.
 */
const CREDENTIALS = {
  'registry-user': { type: 'string' },
  'registry-password-stdin': { type: 'boolean' },
} as const;

async function credentials(input: CommandInput): Promise<RegistryCredentials | undefined> {
  const user = stringOption(input, 'registry-user');
  if (input.values['registry-password-stdin'] !== true) return user ? { user } : undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').trim();
  if (!password) throw new DatacloneError('--registry-password-stdin: standard input was empty');
  return { user, password };
}

export const imagePush: Command = {
  words: ['image', 'push'],
  summary: 'Push a data image to its registry',
  usage: 'dataclone image push <image:tag> [--registry-user <user>] [--registry-password-stdin] [--json]',
  options: { ...CREDENTIALS },
  positionals: { min: 1, max: 1, names: '<image:tag>' },
  async run(input, { host, reporter, print, json }) {
    const reference = input.positionals[0] ?? '';
    const digest = await pushImage({ host, reporter, reference, credentials: await credentials(input) });
    print(json ? JSON.stringify({ reference, digest }, null, 2) : `${reference}  ${digest}`);
    return 0;
  },
};

export const imagePull: Command = {
  words: ['image', 'pull'],
  summary: 'Pull a data image by tag or digest',
  usage:
    'dataclone image pull <image:tag | image@sha256:...> [--registry-user <user>] [--registry-password-stdin]',
  options: { ...CREDENTIALS },
  positionals: { min: 1, max: 1, names: '<image>' },
  async run(input, { host, reporter }) {
    await pullImage({
      host,
      reporter,
      reference: input.positionals[0] ?? '',
      credentials: await credentials(input),
    });
    return 0;
  },
};

export const imageWarm: Command = {
  words: ['image', 'warm'],
  summary: "Start pulling the job's data images in the background; provision waits for what is left",
  usage:
    'dataclone image warm <image:tag | image@sha256:...>... [--job <id>] [--registry-user <user>] [--registry-password-stdin] [--json]',
  // --worker <record>: the background process itself, started by image warm (not for users).
  options: { job: { type: 'string' }, worker: { type: 'string' }, ...CREDENTIALS },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, names: '<image>' },
  async run(input, { host, reporter, print, json }) {
    const worker = stringOption(input, 'worker');
    if (worker) {
      await runWarmWorker(host, worker);
      return 0;
    }
    if (input.positionals.length === 0)
      throw new UsageError('image warm: name the images to pull', this.usage);
    const owner = resolveJobId(stringOption(input, 'job'));
    const warm = await startWarm({
      host,
      reporter,
      owner,
      references: input.positionals,
      record: warmRecordPath(stateDirectory(), owner),
      credentials: await credentials(input),
      worker: (record) => [
        process.execPath,
        ...process.execArgv,
        process.argv[1] ?? '',
        'image',
        'warm',
        '--worker',
        record,
      ],
    });
    print(
      json
        ? JSON.stringify(warm, null, 2)
        : warm.images.map((image) => `${image.reference}  ${image.pinned ?? '-'}  ${image.state}`).join('\n'),
    );
    return warm.images.some((image) => image.state === 'failed') ? 1 : 0;
  },
};

export const imagePromote: Command = {
  words: ['image', 'promote'],
  summary: 'Move a moving tag to a new image once a clone of it starts and a check passes',
  usage:
    'dataclone image promote <new image:tag> --to <moving image:tag> [--push] [--registry-user <user>] [--registry-password-stdin] [-- <verification command>]',
  options: { to: { type: 'string' }, push: { type: 'boolean' }, ...CREDENTIALS },
  positionals: { min: 1, max: 1, names: '<image:tag>' },
  async run(input, { host, reporter, print, json }) {
    const target = stringOption(input, 'to');
    if (!target) throw new UsageError('image promote: --to is required', this.usage);
    const result = await promoteImage({
      host,
      reporter,
      source: input.positionals[0] ?? '',
      target,
      verify: input.rest.length ? input.rest : undefined,
      push: input.values.push === true,
      credentials: await credentials(input),
    });
    print(
      json ? JSON.stringify(result, null, 2) : `${result.target}${result.digest ? `  ${result.digest}` : ''}`,
    );
    return 0;
  },
};

export const imagePrune: Command = {
  words: ['image', 'prune'],
  summary: 'Keep the newest N tags of a repository on this host, remove the older ones',
  usage: 'dataclone image prune <repository> --keep <N> [--protect <tag>]... [--dry-run] [--json]',
  options: {
    keep: { type: 'string' },
    protect: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: '<repository>' },
  async run(input, { host, reporter, print, json }) {
    const keep = numberOption(input, 'keep');
    if (keep === undefined || keep < 0)
      throw new UsageError('image prune: --keep <N> is required', this.usage);
    const protect = input.values.protect;
    const result = await pruneImages({
      host,
      reporter,
      repository: input.positionals[0] ?? '',
      keep,
      protect: Array.isArray(protect) ? protect : typeof protect === 'string' ? [protect] : undefined,
      dryRun: input.values['dry-run'] === true,
    });
    if (json) print(JSON.stringify(result, null, 2));
    return 0;
  },
};
