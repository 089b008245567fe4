import type { DockerHost } from '../docker/docker-host.js';
import type { TerminalReporter } from './terminal-reporter.js';

export type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** One CLI command: its words (`clone create`), its options and what it does. */
export interface Command {
  words: string[];
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments it takes (after its words). */
  positionals?: { min: number; max: number; names: string };
  run(input: CommandInput, context: CommandContext): Promise<number>;
}

export interface CommandInput {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Arguments after `--`, for commands that run another program. */
  rest: string[];
}

export interface CommandContext {
  host: DockerHost;
  reporter: TerminalReporter;
  /** Where results go: stdout. Logs go to the reporter (stderr). */
  print(text: string): void;
  json: boolean;
}

export function stringOption(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOption(input: CommandInput, name: string): number | undefined {
  const value = stringOption(input, name);
  return value === undefined ? undefined : Number(value);
}
