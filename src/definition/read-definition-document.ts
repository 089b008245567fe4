import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { DatacloneError } from '../core/errors.js';
import type { DefinitionSite } from './definition-error.js';

/** A definition file read and parsed, not yet validated. */
export interface DefinitionDocument {
  site: DefinitionSite;
  /** The file's text, as read (the digest covers it). */
  text: string;
  /** The plain value of the YAML document. */
  value: unknown;
}

/** Reads and parses a definition file; a YAML syntax error is reported at its line and column. */
export async function readDefinitionDocument(file: string): Promise<DefinitionDocument> {
  const text = await readDefinitionText(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new DatacloneError(
      `${file}:${line}:${col}: this is not valid YAML: ${syntax.message.split('\n')[0]}`,
      'Check the indentation and the quoting on that line and the one before it.',
    );
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) {
    throw new DatacloneError(
      `${file}: the image definition is empty`,
      'Give at least name, engine, version and databases; the README has an example.',
    );
  }
  return { site: { file, document, lines }, text, value };
}

async function readDefinitionText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatacloneError(
      code === 'ENOENT'
        ? `image definition ${file} does not exist`
        : `cannot read image definition ${file}: ${(error as Error).message}`,
      'Check the path of the dataclone.yaml: a relative path is taken from the current folder.',
      { cause: error },
    );
  }
}
