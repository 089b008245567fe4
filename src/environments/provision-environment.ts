import type { Clone } from '../clones/clone.js';
import { createClone } from '../clones/create-clone.js';
import { DatacloneError } from '../core/errors.js';
import { randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import type { EnvironmentDefinition } from './environment.js';

export interface ProvisionEnvironmentOptions {
  host: DockerHost;
  reporter: Reporter;
  owner: string;
  environment: EnvironmentDefinition;
  bindAddress?: string;
  lifetime?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts a clone of every instance of an environment, in parallel, on a private network of their
 * own where each reaches the others by its instance name (as linked servers do). The unit starts
 * whole or not at all: when one clone fails, the others and the network are removed before the
 * error is thrown. Everything carries the job's owner label, so a teardown after a crash finds it.
 */
export async function provisionEnvironment(options: ProvisionEnvironmentOptions): Promise<Clone[]> {
  const { host, environment } = options;
  await host.ping();
  const suffix = randomSuffix();
  const network = `dataclone-${environment.name}-${suffix}`;
  await host.createNetwork(network, {
    [Labels.owner]: options.owner,
    [Labels.environment]: environment.name,
  });
  const started = await Promise.allSettled(
    environment.instances.map((instance, index) =>
      createClone({
        host,
        reporter: options.reporter,
        image: instance.image,
        name: `${environment.name}-${instance.name}-${suffix}`,
        owner: options.owner,
        bindAddress: options.bindAddress,
        lifetime: options.lifetime,
        readyTimeoutMs: options.readyTimeoutMs,
        membership: { environment: environment.name, instance: instance.name, index, network },
      }),
    ),
  );
  const failures = started.flatMap((result, index) =>
    result.status === 'rejected'
      ? [{ instance: environment.instances[index]?.name, error: result.reason }]
      : [],
  );
  const clones = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value.clone] : []));
  if (failures.length === 0) return clones;

  await Promise.all(clones.map((clone) => host.removeContainer(clone.containerId)));
  await host.removeNetwork(network);
  const first = failures[0];
  const reason = first?.error instanceof Error ? first.error.message : String(first?.error);
  throw new DatacloneError(
    `environment ${environment.name}: instance ${first?.instance} did not start: ${reason}`,
    `${first?.error instanceof DatacloneError && first.error.hint ? `${first.error.hint}\n` : ''}Nothing of the environment was left running (${environment.file}).`,
    { cause: first?.error },
  );
}
