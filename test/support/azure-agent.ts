import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface VsoCommand {
  name: string;
  properties: Record<string, string>;
  value: string;
}

export interface TaskRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  commands: VsoCommand[];
  outputs: Record<string, string>;
  result?: { result: string; message: string };
  summary?: string;
}

/**
 * Runs the built task the way the Azure Pipelines agent does: inputs as INPUT_<NAME>, task
 * variables handed from the execution handler to the post-job handler (VSTS_TASKVARIABLE_*),
 * and the ##vso[...] logging commands read from standard output.
 */
export class AzureAgent {
  private dir = '';
  taskVariables: Record<string, string> = {};

  /** `variables`: more of the agent's environment, for every handler (e.g. a registry login). */
  constructor(private readonly variables: Record<string, string> = {}) {}

  async start(): Promise<void> {
    this.dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-azure-'));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The agent's temporary folder (Agent.TempDirectory). */
  get tempDir(): string {
    return this.dir;
  }

  /** The prejobexecution handler: at the start of the job, with the task's inputs. */
  preJobExecution(inputs: Record<string, string>): Promise<TaskRun> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return this.run('dist/azure/pre/index.js', env);
  }

  /** `variables`: more of the agent's environment (SYSTEM_*, BUILD_*), as a pull request build has. */
  execution(
    inputs: Record<string, string>,
    handle: { kill?: () => void } = {},
    variables: Record<string, string> = {},
  ): Promise<TaskRun> {
    const env: Record<string, string> = { ...variables };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return this.run('dist/azure/main/index.js', env, handle);
  }

  postJobExecution(): Promise<TaskRun> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.taskVariables)) {
      env[`VSTS_TASKVARIABLE_${name.replace(/\./g, '_').toUpperCase()}`] = value;
    }
    return this.run('dist/azure/post/index.js', env);
  }

  private async run(
    target: string,
    extra: Record<string, string>,
    handle: { kill?: () => void } = {},
  ): Promise<TaskRun> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_HOST: process.env.DOCKER_HOST,
      TF_BUILD: 'True',
      BUILD_BUILDID: '2000',
      SYSTEM_JOBID: 'job-1',
      AGENT_TEMPDIRECTORY: this.dir,
      ...this.variables,
      ...extra,
    };
    const child = spawn(process.execPath, [path.join(ROOT, target)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    handle.kill = () => child.kill('SIGKILL');
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    const commands = parseVsoCommands(stdout);
    const outputs: Record<string, string> = {};
    let result: TaskRun['result'];
    let summary: string | undefined;
    for (const command of commands) {
      if (command.name === 'task.settaskvariable')
        this.taskVariables[command.properties.variable ?? ''] = command.value;
      if (command.name === 'task.setvariable' && command.properties.isOutput === 'true') {
        outputs[command.properties.variable ?? ''] = command.value;
      }
      if (command.name === 'task.complete')
        result = { result: command.properties.result ?? '', message: command.value };
      if (command.name === 'task.uploadsummary') summary = await readFile(command.value, 'utf8');
    }
    return { code, signal, stdout, commands, outputs, result, summary };
  }
}

/** `##vso[area.action key=value;key=value]message` lines, with the agent's escaping undone. */
export function parseVsoCommands(text: string): VsoCommand[] {
  const commands: VsoCommand[] = [];
  for (const line of text.split('\n')) {
    const match = /^##vso\[([\w.]+)([^\]]*)\](.*)$/.exec(line.trim());
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').trim().split(';').filter(Boolean)) {
      const equals = pair.indexOf('=');
      if (equals > 0) properties[pair.slice(0, equals).trim()] = unescape(pair.slice(equals + 1));
    }
    commands.push({ name: match[1] ?? '', properties, value: unescape(match[3] ?? '') });
  }
  return commands;
}

function unescape(text: string): string {
  return text
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']')
    .replace(/%AZP25/g, '%');
}
