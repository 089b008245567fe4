import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import type { DataImage } from '../images/data-image.js';
import { dockerRunsHere, type HostFacts } from '../docker/host-facts.js';
import { sharesDockerNetwork } from '../docker/shares-docker-network.js';

/**
 * How a clone's server is reached:
 * - `bridge`: the container has a network namespace of its own and Docker publishes the server's
 *   port on the bind address (docker-proxy, iptables). Works with every Docker Engine.
 * - `host`: the container shares the Docker host's network and the server itself listens on a
 *   free port of the bind address. Docker then makes no network namespace, veth pair, NAT rules
 *   or proxy process, which is most of a container start (bench: create 122-213 ms instead of
 *   240-328, reset 161-252 instead of 366-471, on 2 cores). The price: the server
 *   cannot reach itself at localhost and its usual port (postgres_fdw, dblink, FEDERATED), and
 *   it sees the host's network, so `auto` takes it only for images whose build found no such
 *   connections. Bridge stays the default: host is a choice for hosts dedicated to CI.
 */
export type CloneNetworking = 'bridge' | 'host';
export type NetworkingChoice = CloneNetworking | 'auto';

export const NETWORKING_VARIABLE = 'DATACLONE_NETWORKING';

export function parseNetworking(text: string | undefined, field: string): NetworkingChoice | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'auto' || text === 'bridge' || text === 'host') return text;
  throw new DatacloneError(
    `${field}: '${text}' is not a way of networking clones`,
    'Use bridge (the default: Docker publishes the port), host (the server listens on a port of this machine itself) or auto (host where the image and the Docker Engine allow it).',
  );
}

export interface NetworkingNeeds {
  /** The user's choice; default DATACLONE_NETWORKING, else bridge. */
  requested?: NetworkingChoice;
  /** Clones with a warm standby sit behind a proxy that Docker publishes. */
  standby: boolean;
  /** An environment's instances reach each other by name on their own network. */
  environment: boolean;
  /** Whose databases may connect to the server itself at localhost and the engine's port. */
  image: Pick<DataImage, 'reference' | 'connectsToItself'>;
}

/**
 * Decides how a new clone is networked. Where host networking cannot work, an explicit `host`
 * fails and the machine-wide DATACLONE_NETWORKING or `auto` falls back to bridge; `auto` takes
 * host only for images whose build found no connections of the server to itself.
 */
export async function chooseNetworking(
  host: DockerHost,
  reporter: Reporter,
  needs: NetworkingNeeds,
): Promise<CloneNetworking> {
  const requested =
    needs.requested ?? parseNetworking(process.env[NETWORKING_VARIABLE], NETWORKING_VARIABLE) ?? 'bridge';
  if (requested === 'bridge') return 'bridge';
  const obstacle = needs.standby
    ? 'host networking is not available for a clone with a standby'
    : needs.environment
      ? "host networking is not available for an environment's clones"
      : host.remoteName()
        ? `host networking needs a Docker Engine on this machine, and ${host.description} is another one`
        : undefined;
  if (obstacle) {
    if (needs.requested === 'host')
      throw new DatacloneError(
        obstacle,
        `Leave the networking choice at auto or bridge (${NETWORKING_VARIABLE}).`,
      );
    return 'bridge';
  }
  // Unknown (an image built before dataclone looked) counts as "connects to itself".
  const linked = needs.image.connectsToItself !== false;
  if (requested === 'host') {
    if (linked)
      reporter.warn(
        `${needs.image.reference}: its databases may connect to the server itself (postgres_fdw, dblink or FEDERATED tables at localhost and the engine's port), which a clone with host networking cannot answer; use bridge networking if they do.`,
      );
    return 'host';
  }
  if (linked) return 'bridge';
  return hostNetworkingWorks(
    await host.facts(),
    process.env.DOCKER_HOST,
    process.platform,
    sharesDockerNetwork,
  )
    ? 'host'
    : 'bridge';
}

/**
 * Host networking behaves like a port published on the bind address only when the Docker host's
 * network is this machine's: a rootful Linux engine on a local socket, with dataclone not itself
 * running in a container. Docker Desktop and rootless engines keep containers in a VM or a
 * namespace of their own, where the host network is not the user's.
 */
export function hostNetworkingWorks(
  facts: Pick<HostFacts, 'operatingSystem' | 'osType' | 'rootless'>,
  dockerHost: string | undefined,
  platform: NodeJS.Platform,
  sameNetwork: () => boolean,
): boolean {
  return hostNetworkingProblem(facts, dockerHost, platform, sameNetwork) === undefined;
}

/** Why host networking would not behave like a port published on this machine; undefined when it would. */
export function hostNetworkingProblem(
  facts: Pick<HostFacts, 'operatingSystem' | 'osType' | 'rootless'>,
  dockerHost: string | undefined,
  platform: NodeJS.Platform,
  sameNetwork: () => boolean,
): string | undefined {
  if (!dockerRunsHere(facts, dockerHost, platform))
    return "the Docker Engine's network is not this machine's (a remote engine, Docker Desktop's VM, or a client that is not Linux)";
  if (facts.osType !== 'linux') return 'the Docker Engine runs Windows containers';
  if (facts.rootless) return 'the Docker Engine is rootless: its host network is a namespace of its own';
  if (!sameNetwork()) return 'dataclone runs in another network namespace than dockerd (in a container, say)';
  return undefined;
}
