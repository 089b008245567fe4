import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface JunitSummary {
  files: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  /** `classname.name` of each failed or errored test case, at most 50. */
  failed: string[];
}

/**
 * Totals of the JUnit XML reports at `location` (a file, or a folder of .xml files), for the
 * job summary. Reads the attributes of each <testsuite> and the <testcase> elements holding a
 * <failure> or <error>; anything it cannot read counts as nothing rather than failing the step.
 */
export async function readJunitReports(location: string): Promise<JunitSummary> {
  const files = await reportFiles(location);
  const summary: JunitSummary = { files, tests: 0, failures: 0, errors: 0, skipped: 0, failed: [] };
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    for (const suite of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
      const attributes = suite[1] ?? '';
      summary.tests += numberAttribute(attributes, 'tests');
      summary.failures += numberAttribute(attributes, 'failures');
      summary.errors += numberAttribute(attributes, 'errors');
      summary.skipped += numberAttribute(attributes, 'skipped');
    }
    for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
      if (!/<(failure|error)\b/.test(testcase[2] ?? '') || summary.failed.length >= 50) continue;
      const attributes = testcase[1] ?? '';
      const name = textAttribute(attributes, 'name');
      const classname = textAttribute(attributes, 'classname');
      summary.failed.push(classname ? `${classname}.${name}` : name);
    }
  }
  return summary;
}

async function reportFiles(location: string): Promise<string[]> {
  const info = await stat(location).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [location];
  const entries = await readdir(location, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.xml'))
    .map((entry) => path.join(location, entry))
    .sort();
}

function numberAttribute(attributes: string, name: string): number {
  const value = new RegExp(`\\b${name}="(\\d+)"`).exec(attributes)?.[1];
  return value ? Number(value) : 0;
}

function textAttribute(attributes: string, name: string): string {
  return (new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
