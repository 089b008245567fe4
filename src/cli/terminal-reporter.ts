import type { ProgressUpdate, Reporter } from '../core/reporter.js';
import { formatBytes } from '../core/bytes.js';

/**
 * The Reporter for a terminal: log lines on stderr (stdout is kept for results and --json),
 * progress redrawn in place on a TTY and printed every few seconds elsewhere.
 */
export class TerminalReporter implements Reporter {
  private readonly secrets = new Set<string>();
  private readonly lastProgress = new Map<string, number>();
  private depth = 0;

  constructor(
    private readonly options: {
      debug?: boolean;
      quiet?: boolean;
      stream?: NodeJS.WriteStream;
      /** Called once per new secret, before anything that may contain it is printed. */
      announceSecret?: (secret: string) => void;
    } = {},
  ) {}

  private get stream(): NodeJS.WriteStream {
    return this.options.stream ?? process.stderr;
  }

  info(message: string): void {
    if (!this.options.quiet) this.write(message);
  }

  warn(message: string): void {
    this.write(`warning: ${message}`);
  }

  debug(message: string): void {
    if (this.options.debug) this.write(`debug: ${message}`);
  }

  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.info(title);
    this.depth++;
    try {
      return await work();
    } finally {
      this.depth--;
    }
  }

  progress(update: ProgressUpdate): void {
    if (this.options.quiet) return;
    const now = Date.now();
    const finished = update.total !== undefined && update.done >= update.total;
    const interval = this.stream.isTTY ? 100 : 5000;
    const last = this.lastProgress.get(update.task);
    if (last === undefined) this.lastProgress.set(update.task, now);
    else if (!finished && now - last < interval) return;
    this.lastProgress.set(update.task, now);
    const line = `${update.task}: ${formatProgress(update)}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${'  '.repeat(this.depth)}${this.mask(line)}${finished ? '\n' : ''}`);
    } else if (last !== undefined || finished) {
      this.write(line);
    }
    if (finished) this.lastProgress.delete(update.task);
  }

  maskSecret(value: string): void {
    if (!value || this.secrets.has(value)) return;
    this.secrets.add(value);
    this.options.announceSecret?.(value);
  }

  /** Replaces every registered secret in `text` with ***. */
  mask(text: string): string {
    let masked = text;
    for (const secret of this.secrets) masked = masked.split(secret).join('***');
    return masked;
  }

  private write(message: string): void {
    const prefix = '  '.repeat(this.depth);
    this.stream.write(`${this.mask(message).replace(/^/gm, prefix)}\n`);
  }
}

export function formatProgress(update: ProgressUpdate): string {
  const format = update.unit === 'bytes' ? formatBytes : String;
  if (update.total === undefined || update.total === 0) return format(update.done);
  const percent = Math.min(100, Math.floor((update.done / update.total) * 100));
  return `${percent}% (${format(update.done)} of ${format(update.total)})`;
}

export { formatBytes };
