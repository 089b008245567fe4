import os from 'node:os';

/**
 * Where the CLI keeps a job's warm record: DATACLONE_STATE_DIR, else the CI runner's temporary
 * folder of the job (where the GitHub Action and the Azure task keep theirs, so that the CLI in a
 * script step finds a warm the Action's pre step started), else the system's.
 */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATACLONE_STATE_DIR || env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || os.tmpdir();
}
