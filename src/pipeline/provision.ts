import type { Clone } from '../clones/clone.js';
import type { NetworkingChoice } from '../clones/clone-networking.js';
import { createClone } from '../clones/create-clone.js';
import type { EnvironmentDefinition } from '../environments/environment.js';
import { provisionEnvironment } from '../environments/provision-environment.js';
import { awaitWarm, type WarmOutcome } from '../warm/await-warm.js';
import type { Job } from './job.js';
import { reuseClone, type ReuseMode } from './reuse-clone.js';

/** What to provision: one data image, or an environment of several (`environment` wins). */
export interface ProvisionOptions {
  image?: string;
  environment?: EnvironmentDefinition;
  /** A stable name (per-PR environments); default: generated. Single image only. */
  name?: string;
  port?: number;
  bindAddress?: string;
  lifetime?: string;
  /**
   * With `name`: reuse the clone of that name a previous run kept (per-PR environments), as it
   * is or reset, when it comes from the same image; replace it when the image changed.
   */
  reuse?: ReuseMode;
  /** Keep a warm standby server so that reset is a hand-over (single image only). */
  standby?: boolean;
  /** bridge (default), host or auto; single image only: an environment's clones use bridge. */
  networking?: NetworkingChoice;
  /**
   * The record of the job's warm step (warmRecordPath): when it pulls the images, provision waits
   * for what is left and clones the digests the warm step pinned. No record: no warm step ran.
   */
  warmRecord?: string;
}

export interface ProvisionResult {
  step: 'provision';
  clones: Clone[];
  durationMs: number;
  /** When a warm step pulled the images: how long provision waited for it, and the pulls. */
  warm?: WarmOutcome;
}

/**
 * Starts the job's clone, or the clones of every instance of an environment. Clones carry the
 * job's owner label from the moment Docker creates them, so a teardown finds them even when this
 * process dies before it returns.
 */
export async function provision(job: Job, given: ProvisionOptions): Promise<ProvisionResult> {
  const started = performance.now();
  const { options, warm } = await withWarmImages(job, given);
  const { environment } = options;
  if (!environment && options.name && options.reuse && options.image) {
    const reused = await job.reporter.group(`Look for clone ${options.name} from an earlier run`, () =>
      reuseClone(job, options.name ?? '', options.image ?? '', options.reuse ?? 'keep'),
    );
    if (reused)
      return {
        step: 'provision',
        clones: [reused],
        durationMs: Math.round(performance.now() - started),
        ...(warm ? { warm } : {}),
      };
  }
  const clones = environment
    ? await job.reporter.group(
        `Provision environment ${environment.name} (${environment.instances.map((i) => i.name).join(', ')})`,
        () =>
          provisionEnvironment({
            host: job.host,
            reporter: job.reporter,
            owner: job.owner,
            environment,
            bindAddress: options.bindAddress,
            lifetime: options.lifetime,
          }),
      )
    : [
        (
          await job.reporter.group(`Provision a clone of ${options.image}`, () =>
            createClone({
              host: job.host,
              reporter: job.reporter,
              owner: job.owner,
              ...options,
              image: options.image ?? '',
            }),
          )
        ).clone,
      ];
  return {
    step: 'provision',
    clones,
    durationMs: Math.round(performance.now() - started),
    ...(warm ? { warm } : {}),
  };
}

/** The options with each image the warm step pulled replaced by the digest it pinned. */
async function withWarmImages(
  job: Job,
  options: ProvisionOptions,
): Promise<{ options: ProvisionOptions; warm?: WarmOutcome }> {
  if (!options.warmRecord) return { options };
  const { environment } = options;
  const references = environment
    ? environment.instances.map((instance) => instance.image)
    : options.image
      ? [options.image]
      : [];
  const warmed = await awaitWarm(options.warmRecord, references, job.reporter);
  if (!warmed) return { options };
  const pin = (reference: string) => warmed.pinned.get(reference) ?? reference;
  return {
    warm: warmed.outcome,
    options: environment
      ? {
          ...options,
          environment: {
            ...environment,
            instances: environment.instances.map((instance) => ({ ...instance, image: pin(instance.image) })),
          },
        }
      : { ...options, image: options.image && pin(options.image) },
  };
}
