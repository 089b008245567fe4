import { spawn } from 'node:child_process';
import { DatacloneError } from '../core/errors.js';
import { connectionEnvironment } from './connection-environment.js';
import type { Job } from './job.js';
import { requireJobClones } from './job-clones.js';
import { readJunitReports, type JunitSummary } from './junit.js';

export interface TestOptions {
  /** The program and its arguments, run without a shell (`dataclone test -- npm test`)... */
  command?: string[];
  /** ...or one line run by the shell (`sh -c`), as CI inputs give it. */
  shellCommand?: string;
  /** A JUnit XML report, or a folder of them, to read for the summary once the command ends. */
  junit?: string;
  cwd?: string;
  /** Where the command's standard output goes: ours (default), or our standard error when
   *  our standard output carries a machine-readable result (--json). */
  stdout?: 'inherit' | 'stderr';
}

export interface TestResult {
  step: 'test';
  command: string;
  exitCode: number;
  passed: boolean;
  durationMs: number;
  junit?: JunitSummary;
}

/**
 * Runs the user's tests with the job's connection details in their environment, streaming their
 * output, and returns their exit code (the caller passes it on).
 */
export async function runTests(job: Job, options: TestOptions): Promise<TestResult> {
  const argv = commandLine(options);
  const clones = await requireJobClones(job, 'test');
  const connection = connectionEnvironment(clones);
  for (const collision of connection.collisions) job.reporter.warn(collision);
  const env = { ...process.env, ...connection.variables };
  const display = options.shellCommand ?? argv.slice(0).join(' ');
  job.reporter.info(`Running tests: ${display}`);
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: options.cwd,
      env,
      stdio: ['inherit', options.stdout === 'stderr' ? process.stderr : 'inherit', 'inherit'],
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new DatacloneError(
              `test command not found: ${argv[0]}`,
              'Check the command and that it is installed and on PATH (or give a path to it).',
            )
          : error,
      ),
    );
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
  const durationMs = Math.round(performance.now() - started);
  const junit = options.junit ? await readJunitReports(options.junit) : undefined;
  const passed = exitCode === 0;
  job.reporter.info(
    `Tests ${passed ? 'passed' : `failed (exit code ${exitCode})`} in ${(durationMs / 1000).toFixed(1)} s`,
  );
  return { step: 'test', command: display, exitCode, passed, durationMs, junit };
}

function commandLine(options: TestOptions): string[] {
  if (options.shellCommand?.trim()) return ['/bin/sh', '-c', options.shellCommand];
  if (options.command?.length) return options.command;
  throw new DatacloneError(
    'test: no test command given',
    'Give it after --, e.g. `dataclone test -- npm test`.',
  );
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 0;
}
