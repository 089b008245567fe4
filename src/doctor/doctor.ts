import type Docker from 'dockerode';
import { describeError } from '../core/errors.js';
import { silentReporter, type Reporter } from '../core/reporter.js';
import type { DockerHost, ImageInfo } from '../docker/docker-host.js';
import { dockerRunsHere, readHostFacts, type HostFacts } from '../docker/host-facts.js';
import { FLYWAY_IMAGE } from '../flyway/run-flyway-container.js';
import type { CheckResult } from './check.js';
import { checkDiskSpace, type DiskSpaceCheck } from './disk-space-check.js';
import { classifyEngine, engineUnreachable, type EngineCheck } from './docker-engine-check.js';
import { checkFlyway, type FlywayCheck } from './flyway-check.js';
import { classifyImages, type ImagesCheck } from './images-check.js';
import { checkPull, type PullCheck } from './pull-check.js';
import { checkStorage, type StorageCheck } from './storage-check.js';
import { classifyNetworking, type NetworkingCheck } from './networking-check.js';
import { hostNetworkingProblem } from '../clones/clone-networking.js';
import { sharesDockerNetwork } from '../docker/shares-docker-network.js';

export type DoctorCheck =
  EngineCheck | StorageCheck | DiskSpaceCheck | ImagesCheck | FlywayCheck | NetworkingCheck | PullCheck;

export interface DoctorReport {
  /** False when any check failed: dataclone cannot work here as things are. */
  success: boolean;
  /** In a fixed order: docker, storage, disk, images, flyway, networking, pull. */
  checks: DoctorCheck[];
}

/** The parts of a DockerHost the doctor uses: it only reads. */
export type DoctorHost = Pick<DockerHost, 'ping' | 'listImages'> & { docker: Pick<Docker, 'info'> };

export interface DoctorOptions {
  host: DoctorHost;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether this process shares dockerd's network namespace; default: read from /proc. */
  sameNetwork?: () => boolean;
}

/** Checks the machine and its Docker Engine before dataclone is used there. Never throws. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const {
    host,
    reporter = silentReporter,
    env = process.env,
    platform = process.platform,
    sameNetwork = sharesDockerNetwork,
  } = options;
  const engine = await readEngine(host);
  if (!engine.facts) {
    const checks: DoctorCheck[] = [
      engine.check,
      notChecked('storage'),
      notChecked('disk'),
      notChecked('images'),
      await checkFlyway(env),
      notChecked('networking'),
      notChecked('pull'),
    ];
    return { success: false, checks };
  }
  const facts = engine.facts;
  const local = dockerRunsHere(facts, env.DOCKER_HOST, platform);
  reporter.debug(
    `docker info: driver ${facts.storageDriver}, backing filesystem ${facts.backingFilesystem ?? '(none)'}, root dir ${facts.rootDir}; ${local ? 'on this machine' : 'on another machine'}`,
  );
  const images = await listImages(host);
  const flywayImagePresent = Array.isArray(images)
    ? images.some((image) => image.tags.includes(FLYWAY_IMAGE))
    : undefined;
  const [storage, disk, flyway, pull] = await Promise.all([
    checkStorage(facts, local),
    checkDiskSpace(facts.rootDir, local),
    checkFlyway(env, flywayImagePresent),
    checkPull(local, env),
  ]);
  const checks: DoctorCheck[] = [
    engine.check,
    storage,
    disk,
    Array.isArray(images) ? classifyImages(images) : couldNotList(images),
    flyway,
    classifyNetworking(hostNetworkingProblem(facts, env.DOCKER_HOST, platform, sameNetwork)),
    pull,
  ];
  return { success: !checks.some((check) => check.status === 'fail'), checks };
}

async function readEngine(host: DoctorHost): Promise<{ check: EngineCheck; facts?: HostFacts }> {
  try {
    await host.ping();
    const facts = await readHostFacts(host.docker);
    return { check: classifyEngine(facts), facts };
  } catch (error) {
    return { check: engineUnreachable(error) };
  }
}

async function listImages(host: DoctorHost): Promise<ImageInfo[] | { error: unknown }> {
  try {
    return await host.listImages({});
  } catch (error) {
    return { error };
  }
}

function notChecked<Name extends DoctorCheck['name']>(name: Name): CheckResult<Name, never> {
  return {
    name,
    status: 'warn',
    finding: 'not checked: the Docker Engine did not answer',
    hint: 'Get the docker check to ok first.',
  };
}

function couldNotList({ error }: { error: unknown }): ImagesCheck {
  return {
    name: 'images',
    status: 'warn',
    finding: `could not list the images: ${describeError(error).message}`,
    hint: 'Check that docker images works against the same Docker Engine, then run dataclone doctor again.',
  };
}
