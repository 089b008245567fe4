import { createServer } from 'node:net';
import { pickFreePort } from '../../src/clones/host-port.js';

/** A TCP port nothing listens on at the moment, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return pickFreePort('127.0.0.1');
}

/** A port of 127.0.0.1 that another process holds until `release`: for "port already in use". */
export async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
