import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** When it first printed a `dataclone:` message on stderr, in ms after the start (NaN: never). */
  errorPrintedMs: number;
  /** When the process exited, in ms after the start. */
  exitedMs: number;
}

/**
 * Runs the CLI from the sources as a user would run it (a process of its own), with `input` on
 * its standard input (then closed), and resolves once the process has exited. With `terminal`
 * it runs under `script`, which gives it a pseudo-terminal of `rows` by `columns` as stdin and stdout.
 */
export function runCliFromSources(
  args: string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    terminal?: { rows: number; columns: number };
  } = {},
): Promise<CliRun> {
  const started = performance.now();
  const cli = [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), ...args];
  const { terminal } = options;
  const [program, ...programArgs] = terminal
    ? [
        'script',
        '-qec',
        `stty rows ${terminal.rows} cols ${terminal.columns}; ${shellWords(cli)}`,
        '/dev/null',
      ]
    : cli;
  const child = spawn(program!, programArgs, { cwd: ROOT, env: { ...process.env, ...options.env } });
  child.stdin.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  let errorPrintedMs = Number.NaN;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (Number.isNaN(errorPrintedMs) && stderr.includes('dataclone: '))
      errorPrintedMs = performance.now() - started;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, errorPrintedMs, exitedMs: performance.now() - started });
    });
  });
}

function shellWords(words: string[]): string {
  return words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
}
