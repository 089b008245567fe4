import * as tl from 'azure-pipelines-task-lib/task.js';
import { formatProgress } from '../cli/terminal-reporter.js';
import type { ProgressUpdate, Reporter } from '../core/reporter.js';

/** The Reporter for Azure Pipelines: ##[group] sections, warnings as issues, masked secrets. */
export class AzureReporter implements Reporter {
  private readonly lastProgress = new Map<string, number>();

  info(message: string): void {
    console.log(message);
  }
  warn(message: string): void {
    tl.warning(message);
  }
  debug(message: string): void {
    tl.debug(message);
  }
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    console.log(`##[group]${title}`);
    try {
      return await work();
    } finally {
      console.log('##[endgroup]');
    }
  }
  /** Logs get no live redraw: a line every 10 seconds, and one at the end. */
  progress(update: ProgressUpdate): void {
    const now = Date.now();
    const finished = update.total !== undefined && update.done >= update.total;
    const last = this.lastProgress.get(update.task);
    if (last === undefined) this.lastProgress.set(update.task, now);
    if (!finished && (last === undefined || now - last < 10_000)) return;
    this.lastProgress.set(update.task, now);
    console.log(`${update.task}: ${formatProgress(update)}`);
    if (finished) this.lastProgress.delete(update.task);
  }
  maskSecret(value: string): void {
    if (value) tl.setSecret(value);
  }
}
