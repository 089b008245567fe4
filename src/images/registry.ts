import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { DatacloneError } from '../core/errors.js';
import { randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import { errorText, splitReference, type DockerHost, type RegistryAuth } from '../docker/docker-host.js';
import { dockerRunsHere } from '../docker/host-facts.js';

const run = promisify(execFile);

/** A registry login: from the step's inputs, or DATACLONE_REGISTRY_USER / _PASSWORD. */
export interface RegistryCredentials {
  user?: string;
  /** A password or an access token. */
  password?: string;
}

/** The registry part of an image reference: `registry.example.com:5000/shop:1` -> `registry.example.com:5000`. */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0] ?? '';
  return reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

/**
 * The credentials for the registry of `reference`, with the password registered as a secret
 * before anything else sees it: from the inputs, else DATACLONE_REGISTRY_USER / _PASSWORD, else
 * a `docker login` stored in ~/.docker/config.json (not a credential helper). Undefined when
 * there are none.
 */
export function registryAuth(
  reference: string,
  given: RegistryCredentials | undefined,
  reporter: Reporter,
  env: NodeJS.ProcessEnv = process.env,
): RegistryAuth | undefined {
  const stored =
    given?.user || given?.password || env.DATACLONE_REGISTRY_USER || env.DATACLONE_REGISTRY_PASSWORD
      ? undefined
      : dockerLogin(registryOf(reference), env);
  const user = given?.user || env.DATACLONE_REGISTRY_USER || stored?.user;
  const password = given?.password || env.DATACLONE_REGISTRY_PASSWORD || stored?.password;
  if (password) reporter.maskSecret(password);
  if (!user && !password) return undefined;
  if (!user || !password) {
    throw new DatacloneError(
      `registry ${registryOf(reference)}: a ${user ? 'password' : 'user'} is missing`,
      'Give both the user and the password (or token), e.g. DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD.',
    );
  }
  return { username: user, password, serveraddress: registryOf(reference) };
}

/** A login `docker login` stored in the docker CLI's config file, if there is one for the registry. */
function dockerLogin(registry: string, env: NodeJS.ProcessEnv): RegistryCredentials | undefined {
  const file = path.join(env.DOCKER_CONFIG ?? path.join(os.homedir(), '.docker'), 'config.json');
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { auths?: Record<string, { auth?: string }> };
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    const auth = config.auths?.[key]?.auth;
    if (!auth) return undefined;
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 ? { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
  } catch {
    return undefined;
  }
}

export interface RegistryTransfer {
  host: DockerHost;
  reporter: Reporter;
  reference: string;
  credentials?: RegistryCredentials;
  /** Where DOCKER_HOST and the registry login are read from; default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Pushes a data image to its registry, with progress; returns the digest the registry gave it. */
export async function pushImage(options: RegistryTransfer): Promise<string> {
  const { host, reporter, reference } = options;
  const auth = registryAuth(reference, options.credentials, reporter);
  if (!(await host.inspectImage(reference))) {
    throw new DatacloneError(
      `image ${reference} is not on ${host.description}`,
      'Build it (dataclone image build --tag ...) or tag an image with this name first.',
    );
  }
  reporter.info(`Pushing ${reference}`);
  try {
    const digest = await host.pushImage(
      reference,
      (done, total) => reporter.progress({ task: `push ${reference}`, done, total, unit: 'bytes' }),
      auth,
    );
    reporter.info(`Pushed ${reference}${digest ? ` (${digest})` : ''}`);
    return digest;
  } catch (error) {
    throw registryError('push', reference, error, auth !== undefined);
  }
}

/** How long a pull took: the download and unpacking, then writing the image to disk. */
export interface PulledImage {
  pullMs: number;
  /** Undefined when the flush could not run (a warning says why). */
  flushMs?: number;
}

/**
 * Pulls a data image by tag or digest, with progress, and has it written to disk before it
 * returns, so that the first clone starts as fast as the next.
 */
export async function pullImage(options: RegistryTransfer): Promise<PulledImage> {
  const { host, reporter, reference } = options;
  const { env = process.env } = options;
  const auth = registryAuth(reference, options.credentials, reporter, env);
  reporter.info(`Pulling ${reference}`);
  const started = performance.now();
  try {
    await host.pullImage(
      reference,
      (done, total) => reporter.progress({ task: `pull ${reference}`, done, total, unit: 'bytes' }),
      auth,
    );
  } catch (error) {
    throw registryError('pull', reference, error, auth !== undefined);
  }
  const pullMs = Math.round(performance.now() - started);
  reporter.info(`Pulled ${reference} in ${seconds(pullMs)}`);
  const here = dockerRunsHere(await host.facts(), env.DOCKER_HOST, process.platform);
  const flushMs = await flushPulledImage(host, reporter, reference, here);
  return { pullMs, flushMs };
}

/**
 * A pull leaves the layers it unpacked in the page cache, not yet on disk: about 1.2 GB for a
 * 1 GB data image. The first clone after it waited for that writeback: 2.9-3.5 s instead of
 * 0.4-0.5 s on 2 cores, 0.39 s after a `sync` (issue 15). Which step waits is not pinned down;
 * most likely the fsyncs of Docker's own small files as it creates and starts the container, which
 * ext4 commits only after the data written before them. The pull pays it instead, once,
 * where it is reported: `sync` here when the engine shares this machine's kernel, else in a
 * short-lived container of the image (sync(2) flushes the whole kernel's page cache), without a
 * network and with the image's volumes on tmpfs (no copy of the data into a volume).
 */
async function flushPulledImage(
  host: DockerHost,
  reporter: Reporter,
  reference: string,
  here: boolean,
): Promise<number | undefined> {
  reporter.info(`Writing ${reference} to disk, so that the first clone need not wait for it`);
  const started = performance.now();
  try {
    await (here ? run('sync', []) : syncInContainer(host, reference));
  } catch (error) {
    reporter.warn(
      `could not write ${reference} to disk after the pull (${errorText(error)}): the first clone may take a few seconds longer`,
    );
    return undefined;
  }
  const flushMs = Math.round(performance.now() - started);
  reporter.info(`Written to disk in ${seconds(flushMs)}`);
  return flushMs;
}

async function syncInContainer(host: DockerHost, reference: string): Promise<void> {
  const image = await host.inspectImage(reference);
  const id = await host.createContainer({
    name: `dataclone-flush-${randomSuffix()}`,
    image: reference,
    labels: {},
    entrypoint: ['sync'],
    cmd: [],
    user: 'root',
    network: 'none',
    tmpfs: image?.volumes ?? [],
  });
  try {
    await host.startContainer(id);
    const exitCode = await host.waitForExit(id);
    if (exitCode !== 0) throw new Error(`sync exited with ${exitCode}`);
  } finally {
    await host.removeContainer(id);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The digest reference a tag names in its registry now (`repo@sha256:...`): what a job pins at its
 * start, so that a tag moved meanwhile does not change the image under it. A digest reference is
 * returned as it is.
 */
export async function pinImage(options: RegistryTransfer): Promise<string> {
  const { host, reporter, reference } = options;
  if (reference.includes('@sha256:')) return reference;
  const auth = registryAuth(reference, options.credentials, reporter, options.env);
  try {
    return `${repositoryOf(reference)}@${await host.registryDigest(reference, auth)}`;
  } catch (error) {
    throw registryError('pull', reference, error, auth !== undefined);
  }
}

/** The repository of a reference, without its tag or digest: `reg:5000/shop:1` -> `reg:5000/shop`. */
export function repositoryOf(reference: string): string {
  const name = reference.split('@')[0] ?? reference;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(0, colon) : name;
}

/** What the registry or Docker said, turned into what to do about it. */
function registryError(action: 'push' | 'pull', reference: string, error: unknown, hadCredentials: boolean) {
  const text = errorText(error);
  const registry = registryOf(reference);
  let hint = `Check that ${registry} is the right registry and that it answers.`;
  if (/unauthorized|authentication required|denied|401|no basic auth credentials/i.test(text)) {
    hint = hadCredentials
      ? `The registry refused the credentials: check DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD (or the step's registry inputs) for ${registry}.`
      : `Log in: set DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD (or the step's registry inputs) for ${registry}.`;
  } else if (/manifest unknown|not found|does not exist/i.test(text)) {
    hint = `There is no ${splitReference(reference).tag} in ${splitReference(reference).repo}: check the tag (dataclone image list shows local ones).`;
  } else if (/connection refused|connection reset|no such host|timeout|dial tcp|EOF/i.test(text)) {
    hint = `${registry} cannot be reached from the Docker host: check its address and port, and that it runs.`;
  }
  return new DatacloneError(
    `could not ${action} ${reference} ${action === 'push' ? 'to' : 'from'} registry ${registry}: ${text}`,
    hint,
    { cause: error },
  );
}
