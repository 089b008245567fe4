import { randomBytes } from 'node:crypto';
import net from 'node:net';
import tar from 'tar-stream';
import type Docker from 'dockerode';

/**
 * A TCP proxy on 127.0.0.1 in front of a test registry that fails a pull half way: once
 * `cutAfterBytes` bytes of answers have gone through, `stop` drops every connection and stops
 * listening, as a registry that goes down does (Docker's retries then find nothing there);
 * `stall` stops answering but keeps the connections open, as a registry that hangs does.
 */
export interface RegistryCut {
  address: string;
  /** Whether it has cut the pull off. */
  cut(): boolean;
  stop(): Promise<void>;
}

export async function startRegistryCut(
  registry: string,
  cutAfterBytes: number,
  how: 'stop' | 'stall' = 'stop',
): Promise<RegistryCut> {
  const [host = '127.0.0.1', port = '0'] = registry.split(':');
  const sockets = new Set<net.Socket>();
  let sent = 0;
  let cut = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), host);
    sockets.add(client).add(upstream);
    for (const socket of [client, upstream]) {
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent <= cutAfterBytes) client.write(chunk);
      else if (!cut) {
        cut = true;
        if (how === 'stop') void stop();
      }
    });
    upstream.on('end', () => client.end());
  });
  function stop(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return { address: `127.0.0.1:${address.port}`, cut: () => cut, stop };
}

/** An image of one layer of `bytes` random bytes (it does not compress: a pull downloads it all). */
export async function importRandomImage(docker: Docker, reference: string, bytes: number): Promise<void> {
  const pack = tar.pack();
  pack.entry({ name: 'data.bin' }, randomBytes(bytes));
  pack.finalize();
  const repo = reference.slice(0, reference.lastIndexOf(':'));
  const tag = reference.slice(reference.lastIndexOf(':') + 1);
  await new Promise((resolve, reject) =>
    docker.importImage(pack as unknown as NodeJS.ReadableStream, { repo, tag }, (error, stream) =>
      error || !stream
        ? reject(error)
        : docker.modem.followProgress(stream, (e) => (e ? reject(e) : resolve(undefined))),
    ),
  );
}
