import { spawn } from 'node:child_process';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { flywayInvocation, type FlywaySettings, type FlywayTarget } from './flyway-invocation.js';
import { parseMigrateOutput, type MigrationResult } from './flyway-output.js';

/** Runs `flyway migrate` for one database with the Flyway CLI at `executable`. */
export async function runFlyway(
  executable: string,
  target: FlywayTarget,
  settings: FlywaySettings,
  reporter: Reporter,
): Promise<MigrationResult> {
  reporter.maskSecret(target.password);
  const { args, env } = flywayInvocation(target, settings);
  reporter.debug(`${executable} ${args.join(' ')}`);
  const started = performance.now();
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
    const child = spawn(executable, args, {
      cwd: settings.workingDirectory,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    forwardLogLines(child.stderr, reporter);
    child.on('error', (error: NodeJS.ErrnoException) => reject(spawnError(executable, error)));
    child.on('close', (exitCode) =>
      resolve({ code: exitCode ?? 1, stdout: Buffer.concat(out).toString('utf8') }),
    );
  });
  return interpretOutput(executable, target.database, code, stdout, Math.round(performance.now() - started));
}

/** Turns what Flyway printed and its exit code into a result, or an error when it printed no JSON. */
export function interpretOutput(
  executable: string,
  database: string,
  exitCode: number,
  stdout: string,
  durationMs: number,
): MigrationResult {
  if (exitCode === 35) {
    throw new DatacloneError(
      `Flyway (${executable}) stopped with a licence failure while migrating ${database}`,
      'Check the Flyway edition and licence settings (FLYWAY_LICENSE_KEY, or the Community edition).',
    );
  }
  const result = parseMigrateOutput(stdout, database, durationMs);
  if (!result) {
    throw new DatacloneError(
      `Flyway (${executable}) printed no JSON result for database ${database} (exit code ${exitCode}): ${stdout.trim().slice(0, 400) || '(nothing)'}`,
      'Check that it is the Flyway command line (flyway --version), version 9 or later.',
    );
  }
  if (exitCode !== 0 && result.success)
    return {
      ...result,
      success: false,
      error: result.error ?? { code: 'ERROR', message: `Flyway exited with code ${exitCode}` },
    };
  return result;
}

/** With -outputLogsInJson, Flyway writes one {"level","message"} object per line on stderr. */
function forwardLogLines(stream: NodeJS.ReadableStream, reporter: Reporter): void {
  let partial = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) forwardLogLine(line, reporter);
  });
  stream.on('end', () => forwardLogLine(partial, reporter));
}

function forwardLogLine(line: string, reporter: Reporter): void {
  if (!line.trim()) return;
  try {
    const { level, message } = JSON.parse(line) as { level?: string; message?: string };
    const text = `flyway: ${message ?? line}`;
    if (level === 'error' || level === 'warn' || level === 'warning') reporter.warn(text);
    else if (level === 'debug') reporter.debug(text);
    else reporter.info(text);
  } catch {
    reporter.info(`flyway: ${line}`);
  }
}

function spawnError(executable: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOENT' || error.code === 'EACCES') {
    return new DatacloneError(
      `Flyway was not found at ${executable}`,
      'Install the Flyway command line (https://documentation.red-gate.com/fd/command-line-184127404.html) and put it on PATH, or give its path (--flyway).',
      { cause: error },
    );
  }
  return error;
}
