import { pickFreePort } from '../../src/clones/host-port.js';

/** A TCP port nothing listens on at the moment, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return pickFreePort('127.0.0.1');
}
