import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/**
 * Runs the built action the way the GitHub runner does: action.yml's `main` and `post` entries,
 * inputs as INPUT_<NAME> (to both steps), file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY, GITHUB_ENV), and for the post step the state main saved, as STATE_<name>.
 */
export class GithubRunner {
  private dir = '';
  state: Record<string, string> = {};
  /** The INPUT_ variables of the last main step, which the runner hands its post step too. */
  private inputs: Record<string, string> = {};

  /** `run` overrides the run's variables (GITHUB_RUN_ID, GITHUB_JOB, ...). */
  constructor(private readonly run: Record<string, string> = {}) {}

  async start(): Promise<void> {
    this.dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-github-'));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The job's RUNNER_TEMP. */
  get tempDir(): string {
    return this.dir;
  }

  /** Runs pre as the runner does at the start of the job: with the step's inputs, before any step. */
  async pre(inputs: Record<string, string>): Promise<StepRun> {
    const env = await inputVariables(inputs);
    this.inputs = env;
    const entry = (await actionRuns()).pre;
    if (!entry) throw new Error('action.yml has no pre step');
    return this.step(entry, env);
  }

  /** Runs main with the inputs given and, like the runner, action.yml's defaults for the rest. */
  async main(inputs: Record<string, string>, handle: { kill?: () => void } = {}): Promise<StepRun> {
    const env = await inputVariables(inputs);
    this.inputs = env;
    return this.step((await actionRuns()).main, env, handle);
  }

  async post(): Promise<StepRun> {
    const env: Record<string, string> = { ...this.inputs };
    for (const [name, value] of Object.entries(this.state)) env[`STATE_${name}`] = value;
    return this.step((await actionRuns()).post, env);
  }

  private async step(
    entry: string,
    extra: Record<string, string>,
    handle: { kill?: () => void } = {},
  ): Promise<StepRun> {
    const files = {
      GITHUB_OUTPUT: 'output',
      GITHUB_STATE: 'state',
      GITHUB_STEP_SUMMARY: 'summary',
      GITHUB_ENV: 'env',
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_HOST: process.env.DOCKER_HOST,
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: '1000',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'test',
      RUNNER_TEMP: this.dir,
      ...this.run,
      ...extra,
    };
    for (const [variable, name] of Object.entries(files)) {
      env[variable] = path.join(this.dir, name);
      await writeFile(env[variable] as string, '');
    }
    const child = spawn(process.execPath, [path.join(ROOT, entry)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    handle.kill = () => child.kill('SIGKILL');
    let stdout = '';
    const collect = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    const outputs = parseFileCommand(await readFile(env.GITHUB_OUTPUT as string, 'utf8'));
    const state = parseFileCommand(await readFile(env.GITHUB_STATE as string, 'utf8'));
    Object.assign(this.state, state);
    return {
      code,
      signal,
      stdout,
      outputs,
      state,
      summary: await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8'),
    };
  }
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { pre?: string; main: string; post: string };
}

/** INPUT_<NAME> for the inputs given and, like the runner, action.yml's defaults for the rest. */
async function inputVariables(inputs: Record<string, string>): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const all = { ...(await actionDefaults()), ...inputs };
  for (const [name, value] of Object.entries(all))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

async function readAction(): Promise<ActionYml> {
  return parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

/** The files action.yml runs as its pre, main and post steps. */
async function actionRuns(): Promise<ActionYml['runs']> {
  return (await readAction()).runs;
}

async function actionDefaults(): Promise<Record<string, string>> {
  const action = await readAction();
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined)
      .map(([name, input]) => [name, String(input.default)]),
  );
}

/** The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER` or `name=value` lines. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      values[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}
