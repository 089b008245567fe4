import type { ChildProcess } from 'node:child_process';
import type Docker from 'dockerode';

/** Every container of a test's own Docker Engine removed, with its anonymous volumes. */
export async function removeEveryContainer(docker: Docker): Promise<void> {
  const containers = await docker.listContainers({ all: true }).catch(() => []);
  for (const container of containers)
    await docker
      .getContainer(container.Id)
      .remove({ force: true, v: true })
      .catch(() => {});
}

/** A dockerd asked to stop (SIGTERM), and killed when it has not ended within `graceMs`. */
export async function stopDaemon(daemon: ChildProcess, graceMs: number): Promise<void> {
  if (daemon.exitCode !== null) return;
  daemon.kill('SIGTERM');
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      daemon.kill('SIGKILL');
      resolve(undefined);
    }, graceMs);
    daemon.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
