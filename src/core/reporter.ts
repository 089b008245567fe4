/**
 * How the core tells the world what it is doing. The CLI implements it for a terminal, the
 * GitHub Action with @actions/core, the Azure task with azure-pipelines-task-lib, and tests with
 * a recording one. The core never logs any other way.
 */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Runs `work` inside a collapsible log section titled `title`. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  /** Progress of long work: `done` of `total` units (total unknown when undefined). */
  progress(update: ProgressUpdate): void;
  /** Registers a secret so that no later log line or output shows it. Call before it is used. */
  maskSecret(value: string): void;
}

export interface ProgressUpdate {
  task: string;
  done: number;
  total?: number;
  unit?: 'bytes' | 'items';
}

/** A reporter that drops everything: for library use and tests that do not look at logs. */
export const silentReporter: Reporter = {
  info() {},
  warn() {},
  debug() {},
  group: (_title, work) => work(),
  progress() {},
  maskSecret() {},
};
