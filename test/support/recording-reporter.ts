import type { ProgressUpdate, Reporter } from '../../src/core/reporter.js';

/** A Reporter that keeps everything it is told, for tests to look at. */
export class RecordingReporter implements Reporter {
  readonly lines: string[] = [];
  readonly progressUpdates: ProgressUpdate[] = [];
  readonly secrets: string[] = [];
  readonly groups: string[] = [];

  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.groups.push(title);
    return work();
  }
  progress(update: ProgressUpdate): void {
    this.progressUpdates.push(update);
  }
  maskSecret(value: string): void {
    this.secrets.push(value);
  }
}
