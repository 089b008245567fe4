import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { COMMANDS, parseCli } from '../../../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** One `dataclone ...` command line found in the documentation, and where. */
interface DocumentedLine {
  where: string;
  text: string;
  argv: string[];
  /** In prose (`clone show <name> --json`), a <placeholder> stands for a value; in a code block it must be one. */
  prose: boolean;
}

describe('every dataclone command line in README.md and examples/', () => {
  const lines = documentedFiles().flatMap(commandLinesIn);

  it('finds them: code blocks, inline code and the run lines of workflow files', () => {
    const texts = lines.map((line) => line.text);
    expect(lines.length).toBeGreaterThan(30);
    expect(texts).toContainEqual(expect.stringMatching(/^provision --name pr-42 --job pr-42/));
    expect(texts).toContainEqual(expect.stringMatching(/^dataclone image promote registry\.example\.com/));
    expect(lines.map((line) => line.where)).toContainEqual(
      expect.stringMatching(/^examples\/github\/.*\.yml/),
    );
    expect(lines.map((line) => line.where)).toContainEqual(
      expect.stringMatching(/^examples\/azure\/.*\.yml/),
    );
  });

  it.each(lines.map((line) => [`${line.where}: ${line.text}`, line] as const))('%s', async (_name, line) => {
    if (!line.prose) {
      const placeholder = line.argv.find((word) => /^[[<]/.test(word));
      expect(placeholder, `a placeholder in a command line meant to be run as written`).toBeUndefined();
    }
    const argv = line.argv.map((word) => (/^<[^>]+>$/.test(word) ? 'x' : word));
    await expect(parseCli(argv)).resolves.toBeDefined();
  });
});

function documentedFiles(): string[] {
  const examples = readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join('examples', file))
    .filter((file) => /\.(md|ya?ml)$/.test(file));
  return ['README.md', ...examples.sort()];
}

function commandLinesIn(file: string): DocumentedLine[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return file.endsWith('.md') ? markdownCommandLines(file, text) : yamlCommandLines(file, text, 0);
}

/**
 * Shell code blocks: every line that starts with `dataclone` (with `\` continuations). YAML
 * blocks: as workflow files. Inline code: `dataclone ...`, or a command's own words with options
 * (`provision --name pr-42 ...`), across line breaks.
 */
function markdownCommandLines(file: string, text: string): DocumentedLine[] {
  const found: DocumentedLine[] = [];
  const source = text.split('\n');
  let prose: string[] = [];
  let proseStart = 0;
  const flushProse = () => {
    const paragraph = prose.join('\n');
    for (const match of paragraph.matchAll(/`([^`]+)`/g)) {
      const span = match[1]!.replace(/\s+/g, ' ').trim();
      const argv = shellWords(span.replace(/^dataclone /, ''));
      const isCommand =
        span.startsWith('dataclone ') || (namesCommand(argv) && argv.some((w) => w.startsWith('-')));
      if (!isCommand) continue;
      const line = proseStart + paragraph.slice(0, match.index).split('\n').length;
      found.push({ where: `${file}:${line}`, text: span, argv, prose: true });
    }
    prose = [];
  };
  for (let i = 0; i < source.length; i++) {
    const fence = /^\s*```(\w*)/.exec(source[i]!);
    if (!fence) {
      if (prose.length === 0) proseStart = i;
      prose.push(source[i]!);
      continue;
    }
    flushProse();
    const start = i + 1;
    let end = start;
    while (end < source.length && !/^\s*```/.test(source[end]!)) end++;
    const block = source.slice(start, end);
    const language = fence[1]!;
    if (language === 'yaml' || language === 'yml')
      found.push(...yamlCommandLines(file, block.join('\n'), start));
    else if (['', 'sh', 'bash', 'shell', 'console'].includes(language))
      found.push(...shellCommandLines(file, block, start));
    i = end;
  }
  flushProse();
  return found;
}

/** The `dataclone` lines of every run:, script: or bash: value (GitHub steps, Azure steps). */
function yamlCommandLines(file: string, text: string, offset: number): DocumentedLine[] {
  const scripts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['run', 'script', 'bash', 'inlineScript'].includes(key) && typeof value === 'string')
          scripts.push(value);
        else walk(value);
      }
    }
  };
  walk(parseYaml(text));
  const source = text.split('\n');
  return scripts.flatMap((script) =>
    shellCommandLines(file, script.split('\n'), 0).map((line) => {
      const at = source.findIndex((candidate) =>
        candidate.includes(line.text.split(' ').slice(0, 3).join(' ')),
      );
      return { ...line, where: `${file}:${offset + at + 1}` };
    }),
  );
}

function shellCommandLines(file: string, block: string[], offset: number): DocumentedLine[] {
  const found: DocumentedLine[] = [];
  for (let i = 0; i < block.length; i++) {
    const start = i;
    let line = block[i]!;
    while (line.endsWith('\\') && i + 1 < block.length) line = `${line.slice(0, -1)} ${block[++i]!.trim()}`;
    const command = /^\s*(?:\$ )?(?:npx )?dataclone (.*)$/.exec(line);
    if (!command) continue;
    const argv = shellWords(command[1]!);
    found.push({
      where: `${file}:${offset + start + 1}`,
      text: ['dataclone', ...argv].map((word) => (/\s|^$/.test(word) ? `'${word}'` : word)).join(' '),
      argv,
      prose: false,
    });
  }
  return found;
}

/** Whether the words start with a command's own (`clone create`, `provision`), as the CLI reads them. */
function namesCommand(argv: string[]): boolean {
  const words = argv.slice(
    0,
    argv.findIndex((word) => word.startsWith('-')),
  );
  if (words.length === 0) return false;
  return COMMANDS.some((command) => command.words.every((word, i) => words[i] === word));
}

/**
 * Splits a command line into words as a shell does: quotes, backslashes and a `#` comment; the
 * command ends at an unquoted `|`, `&&`, `||` or `;`.
 */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < line.length) word = (word ?? '') + line[++i];
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (char === '\\' && i + 1 < line.length) word = (word ?? '') + line[++i];
    else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) break;
    else word = (word ?? '') + char;
  }
  if (word !== undefined) words.push(word);
  const end = words.findIndex((w) => ['|', '&&', '||', ';'].includes(w));
  return end === -1 ? words : words.slice(0, end);
}
