import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-fs';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import type { BuildShell, ShellInput, ShellRunOptions } from '../engines/engine.js';

/** A build step that exited non-zero: says which step, and what the server or tool printed. */
export class BuildStepError extends DatacloneError {
  constructor(
    readonly step: string,
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(
      `image build failed at step "${step}" (exit code ${exitCode}):\n${indent(lastLines(stderr, 20)) || '  (no output)'}`,
      `${missingObjectHint(stderr) ?? 'Fix the source or script named above and build again'}; nothing was tagged and the build container was removed.`,
    );
  }
}

/**
 * What to do when a dump needs a role or an extension the instance does not have, or creates
 * its own database further down than dataclone looks for it.
 */
export function missingObjectHint(stderr: string): string | undefined {
  if (/cannot drop the currently open database/.test(stderr))
    return 'The script drops and creates its own database: set createsDatabase: true on its entry, so that it runs in the maintenance database';
  const role = /role "([^"]+)" does not exist/.exec(stderr)?.[1];
  if (role)
    return `The dump needs role ${role}: create it in a setup script (CREATE ROLE ${role};), listed under setup`;
  const extension = /extension "([^"]+)" is not available/.exec(stderr)?.[1];
  if (extension)
    return `The base image has no extension ${extension}: set baseImage to an image that has it installed (one built FROM the official image that installs it)`;
  return undefined;
}

/**
 * psql names what it reads on standard input `<stdin>`, and mysql says only "at line N": the
 * file the build streamed in is what the user can open.
 */
function nameTheInput(stderr: string, input: ShellInput | undefined): string {
  if (input?.kind !== 'file') return stderr;
  return stderr
    .replaceAll('psql:<stdin>:', `psql:${input.path}:`)
    .replace(/^(ERROR \d+ \([^)]*\) at line \d+)(?=:)/gm, `$1 of ${input.path}`);
}

/** Runs an engine's build commands in the build container, streaming inputs from this machine. */
export function dockerBuildShell(
  host: DockerHost,
  containerId: string,
  serverUser: string,
  reporter: Reporter,
): BuildShell {
  return {
    async run(command: string[], options?: ShellRunOptions): Promise<string> {
      const label = options?.label ?? command.join(' ');
      reporter.debug(`build step: ${label}`);
      const stdin = options?.input ? await openInput(options.input, label, reporter) : undefined;
      let inputError: unknown;
      stdin?.on('error', (error) => (inputError = error));
      const result = await host.exec(containerId, command, {
        user: options?.user === 'root' ? 'root' : serverUser,
        env: options?.env,
        stdin,
        onStderrLine: options?.onStderrLine,
      });
      if (inputError) throw inputErrorFor(inputError, options?.input, label);
      if (result.exitCode !== 0)
        throw new BuildStepError(label, result.exitCode, nameTheInput(result.stderr, options?.input));
      return result.stdout;
    },

    async unpack(input: ShellInput, directory: string, label: string): Promise<void> {
      reporter.debug(`build step: ${label}`);
      // The daemon reads gzip itself: the file goes over as it is on disk.
      const archive = await openInput(
        input.kind === 'file' ? { ...input, gunzip: false } : input,
        label,
        reporter,
      );
      let inputError: unknown;
      archive.on('error', (error) => (inputError = error));
      try {
        await host.putArchive(containerId, directory, archive);
      } catch (error) {
        throw inputErrorFor(inputError ?? error, input, label);
      }
      if (inputError) throw inputErrorFor(inputError, input, label);
    },
  };
}

async function openInput(input: ShellInput, label: string, reporter: Reporter): Promise<Readable> {
  if (input.kind === 'folder-as-tar') return tar.pack(input.path) as unknown as Readable;
  if (input.kind === 'text') return Readable.from([Buffer.from(input.text)]);
  const total = (await stat(input.path)).size;
  const file = createReadStream(input.path);
  const counted = countBytes(label, total, reporter);
  // A pipeline, not pipe(): a read error (or a corrupt gzip) reaches the last stream, which the
  // exec reads, and destroying that stream, once the command has ended, closes the file too.
  // Errors are seen on the last stream; the callback has nothing to add.
  const stages: NodeJS.ReadWriteStream[] = [counted];
  if (input.gunzip) stages.push(createGunzip());
  if (input.rewrite) stages.push(input.rewrite());
  return pipeline([file, ...stages], () => {}) as unknown as Readable;
}

/** Reports how much of a source has been read, as bytes of the file on disk. */
function countBytes(task: string, total: number, reporter: Reporter): Transform {
  let done = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      reporter.progress({ task, done, total, unit: 'bytes' });
      callback(null, chunk);
    },
  });
}

function inputErrorFor(error: unknown, input: ShellInput | undefined, label: string): DatacloneError {
  const path = input && 'path' in input ? input.path : '(input)';
  const reason = error instanceof Error ? error.message : String(error);
  const gzip = input?.kind === 'file' && input.gunzip;
  return new DatacloneError(
    `image build failed at step "${label}": could not read ${path}: ${reason}`,
    gzip
      ? 'The file is not a valid gzip archive (truncated or corrupt): recreate it, e.g. pg_dump ... | gzip > file.sql.gz.'
      : 'Check that the file is readable and complete.',
    { cause: error },
  );
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

function indent(text: string): string {
  return text ? text.replace(/^/gm, '  ') : '';
}
