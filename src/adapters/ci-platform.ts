import type { Reporter } from '../core/reporter.js';

/** What a CI adapter provides to run a dataclone step: the few platform calls the core needs. */
export interface CiPlatform {
  reporter: Reporter;
  setOutput(name: string, value: string, secret: boolean): void;
  writeSummary(markdown: string): Promise<void>;
  fail(message: string): void;
  /** The job's temporary folder (the runner's, the agent's): the warm step's record lives there. */
  tempDir: string;
  /**
   * Posts the migration report on the pull request of the run (one comment, updated by later
   * runs); says what happened, for the job summary. Never throws. Platforms without it say so.
   */
  commentOnPullRequest?(markdown: string): Promise<string>;
}

/** What the post step needs from main, saved before main does anything that can fail. */
export interface PostState {
  owner: string;
  keep: boolean;
  dockerHost: string;
  /** Saved once main ran to its end: then no request of its can still reach the Docker Engine. */
  mainFinished?: boolean;
}
