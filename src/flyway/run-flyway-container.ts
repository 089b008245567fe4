import path from 'node:path';
import { randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { ensureImage } from '../images/ensure-image.js';
import { flywayInvocation, type FlywaySettings, type FlywayTarget } from './flyway-invocation.js';
import type { MigrationResult } from './flyway-output.js';
import { interpretOutput } from './run-flyway.js';

export const FLYWAY_IMAGE = 'redgate/flyway:latest';

/**
 * Runs `flyway migrate` in the official Flyway image when no Flyway CLI is installed: in the
 * clone's own network namespace (so it reaches the server on localhost, whatever network the
 * clone is on), with the migration folders and config files mounted read-only.
 */
export async function runFlywayInContainer(
  host: DockerHost,
  clone: { containerId: string; owner: string; serverPort: number },
  target: FlywayTarget,
  settings: FlywaySettings,
  reporter: Reporter,
  image = FLYWAY_IMAGE,
): Promise<MigrationResult> {
  reporter.maskSecret(target.password);
  await ensureImage(host, image, reporter, 'flyway image');
  const binds: string[] = [];
  const mount = (hostPath: string, folder: string) => {
    const inside = `/flyway/dataclone/${folder}/${binds.length}${path.extname(hostPath)}`;
    binds.push(`${path.resolve(hostPath)}:${inside}:ro`);
    return inside;
  };
  const inContainer: FlywayTarget = {
    ...target,
    jdbcUrl: target.jdbcUrl.replace(/\/\/[^/]+\//, `//localhost:${clone.serverPort}/`),
    locations: target.locations.map((folder) => mount(folder, 'locations')),
  };
  const containerSettings: FlywaySettings = {
    ...settings,
    configFiles: settings.configFiles?.map((file) => mount(file, 'conf')),
    workingDirectory: settings.workingDirectory ? mount(settings.workingDirectory, 'project') : undefined,
  };
  const { args, env } = flywayInvocation(inContainer, containerSettings);
  const started = performance.now();
  const id = await host.createContainer({
    name: `dataclone-flyway-${randomSuffix(4)}`,
    image,
    labels: { [Labels.owner]: clone.owner },
    cmd: args,
    env,
    network: `container:${clone.containerId}`,
    binds,
  });
  try {
    await host.startContainer(id);
    const exitCode = await host.waitForExit(id);
    const stdout = await host.containerLogs(id, undefined, 'stdout');
    return interpretOutput(
      `${image} (Docker)`,
      target.database,
      exitCode,
      stdout,
      Math.round(performance.now() - started),
    );
  } finally {
    await host.removeContainer(id);
  }
}
