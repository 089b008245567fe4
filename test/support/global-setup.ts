import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { removeEverythingOfRun } from './cleanup.js';

/**
 * Integration tests need the real Docker Engine (the pretest step starts it and builds the base
 * images). Each run gets an id; everything it creates carries it, and is removed at the end even
 * when tests failed.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch (error) {
    throw new Error(
      `integration tests need a running Docker Engine: ${String(error)}. Run \`bash scripts/test-bed.sh\` (npm test does it first).`,
    );
  }
  const runId = process.env.DATACLONE_TEST_RUN ?? randomBytes(4).toString('hex');
  process.env.DATACLONE_TEST_RUN = runId;
  return async () => {
    await removeEverythingOfRun(docker, runId);
  };
}
