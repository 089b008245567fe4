import net from 'node:net';

/** A port that is free on `address` of this machine now (the kernel's pick of an ephemeral one). */
export function pickFreePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: address, port: 0, exclusive: true }, () => {
      const bound = server.address();
      server.close(() =>
        typeof bound === 'object' && bound ? resolve(bound.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether a server could listen on `address`:`port` of this machine now. */
export function isPortFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Whether Docker's error or a server's log says that its port was taken. */
export function saysPortInUse(text: string): boolean {
  return /port is already allocated|address already in use|could not bind|bind on tcp\/ip port/i.test(text);
}
