import type { ConnectionDetails } from '../engines/engine.js';
import type { CloneNetworking } from './clone-networking.js';

/** A running (or stopped) clone: a private, writable instance started from a data image. */
export interface Clone {
  name: string;
  containerId: string;
  /** The image reference it was created from, and that image's ID (what reset returns to). */
  image: string;
  imageId: string;
  engine: string;
  owner: string;
  created: string;
  /** When `dataclone gc` may remove it; undefined when it has no lifetime. */
  expires?: string;
  status: string;
  bindAddress: string;
  /** `host`: the server listens on the Docker host's network itself; `bridge`: Docker publishes its port. */
  networking: CloneNetworking;
  connection: ConnectionDetails;
  /** True when a warm standby server makes its reset a hand-over. */
  standby?: boolean;
  /** Set when the clone is an instance of an environment (provisioned with others as a unit). */
  environment?: string;
  /** Its host name on the environment's network. */
  instance?: string;
  /** Its position in the environment file: the first instance is the primary one. */
  instanceIndex?: number;
}

/** The Docker container name of a clone: prefixed, so clones never collide with other containers. */
export function containerNameFor(cloneName: string): string {
  return `dataclone-${cloneName}`;
}
