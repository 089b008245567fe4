import * as core from '@actions/core';
import type { ProgressUpdate, Reporter } from '../core/reporter.js';
import { formatProgress } from '../cli/terminal-reporter.js';

/** The Reporter for GitHub Actions: log groups, annotations for warnings, masked secrets. */
export class GithubReporter implements Reporter {
  private readonly lastProgress = new Map<string, number>();

  info(message: string): void {
    core.info(message);
  }
  warn(message: string): void {
    core.warning(message);
  }
  debug(message: string): void {
    core.debug(message);
  }
  group<T>(title: string, work: () => Promise<T>): Promise<T> {
    return core.group(title, work);
  }
  /** Logs get no live redraw: a line every 10 seconds, and one at the end. */
  progress(update: ProgressUpdate): void {
    const now = Date.now();
    const finished = update.total !== undefined && update.done >= update.total;
    const last = this.lastProgress.get(update.task);
    if (last === undefined) this.lastProgress.set(update.task, now);
    if (!finished && (last === undefined || now - last < 10_000)) return;
    this.lastProgress.set(update.task, now);
    core.info(`${update.task}: ${formatProgress(update)}`);
    if (finished) this.lastProgress.delete(update.task);
  }
  maskSecret(value: string): void {
    if (value) core.setSecret(value);
  }
}
