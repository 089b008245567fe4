import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describeError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { validateImageReference } from '../images/image-reference.js';
import { pinImage, type RegistryCredentials } from '../images/registry.js';
import {
  processRuns,
  readWarmRecord,
  warmLogPath,
  writeWarmRecord,
  type WarmImage,
  type WarmRecord,
} from './warm-record.js';

export interface WarmOptions {
  host: DockerHost;
  reporter: Reporter;
  owner: string;
  /** The job's images, by tag or digest. */
  references: string[];
  /** The record file (warmRecordPath): provision and post find the warm by it. */
  record: string;
  credentials?: RegistryCredentials;
  /**
   * The command line of the background process: this program again, told to pull for `record`
   * (each entry point knows how it is started). It gets this process's environment, plus the
   * registry login when one was given, never on its command line.
   */
  worker: (record: string) => string[];
}

/** How long the warm step waits for its background process to say it runs. */
const WORKER_START_MS = 20_000;

/**
 * Starts pulling the job's images in a background process that outlives this one, so that the
 * job's checkout and installs run while they download. Each tag is pinned to the digest it names
 * now, once: provision clones that digest even if the tag moves meanwhile. A tag that cannot be
 * pinned (registry down, login refused) is recorded as failed, for provision to report. Returns
 * once the background process runs.
 */
export async function startWarm(options: WarmOptions): Promise<WarmRecord> {
  const { reporter, record } = options;
  const images: WarmImage[] = [];
  for (const reference of options.references) images.push(await pinned(options, reference));
  const started: WarmRecord = { owner: options.owner, startedAt: Date.now(), images };
  await writeWarmRecord(record, started);
  if (!images.some((image) => image.state === 'pulling')) return started;
  const child = spawnWorker(options);
  const running = await workerStarted(record, child.pid, child.exited);
  if (running) {
    reporter.info(
      `Pulling ${images.map((image) => image.pinned).join(', ')} in the background (process ${running.pid}); provision waits for what is left`,
    );
    return running;
  }
  // It may still run, too slow to start: it must not write the record after this step does.
  if (child.pid !== undefined && processRuns(child.pid)) process.kill(-child.pid, 'SIGKILL');
  const log = await readFile(warmLogPath(record), 'utf8').catch(() => '');
  const failed: WarmRecord = {
    ...started,
    finishedAt: Date.now(),
    images: images.map((image) =>
      image.state === 'pulling'
        ? {
            ...image,
            state: 'failed',
            error: {
              message: `the background pull of ${image.reference} did not start${log ? `: ${log.trim().split('\n').slice(-3).join(' / ')}` : ''}`,
              hint: `Its log is ${warmLogPath(record)}.`,
            },
          }
        : image,
    ),
  };
  await writeWarmRecord(record, failed);
  reporter.warn(
    failed.images.find((image) => image.error)?.error?.message ?? 'the background pull did not start',
  );
  return failed;
}

async function pinned(options: WarmOptions, reference: string): Promise<WarmImage> {
  try {
    validateImageReference(reference, 'warm');
    const digest = await pinImage({
      host: options.host,
      reporter: options.reporter,
      reference,
      credentials: options.credentials,
    });
    if (digest !== reference) options.reporter.info(`${reference} is ${digest}: the job uses that image`);
    return { reference, pinned: digest, state: 'pulling' };
  } catch (error) {
    const { message, hint } = describeError(error);
    options.reporter.warn(`${message}${hint ? `\n${hint}` : ''}`);
    return { reference, state: 'failed', error: hint ? { message, hint } : { message } };
  }
}

function spawnWorker(options: WarmOptions): { pid?: number; exited: Promise<void> } {
  const [program = process.execPath, ...args] = options.worker(options.record);
  const log = openSync(warmLogPath(options.record), 'a', 0o600);
  const login = options.credentials;
  try {
    const child = spawn(program, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        ...(login?.user ? { DATACLONE_REGISTRY_USER: login.user } : {}),
        ...(login?.password ? { DATACLONE_REGISTRY_PASSWORD: login.password } : {}),
      },
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    child.unref();
    return { pid: child.pid, exited };
  } finally {
    closeSync(log);
  }
}

/** The record once the background process wrote its pid into it; undefined when it died first. */
async function workerStarted(
  record: string,
  pid: number | undefined,
  exited: Promise<void>,
): Promise<WarmRecord | undefined> {
  let gone = false;
  void exited.then(() => (gone = true));
  const until = Date.now() + WORKER_START_MS;
  while (Date.now() < until) {
    const current = await readWarmRecord(record);
    if (current?.pid !== undefined) return current;
    if (gone || pid === undefined || !processRuns(pid)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}
