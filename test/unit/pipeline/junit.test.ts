import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJunitReports } from '../../../src/pipeline/junit.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const REPORT = `<?xml version="1.0"?>
<testsuites>
  <testsuite name="a" tests="3" failures="1" errors="0" skipped="1">
    <testcase classname="orders" name="totals add up"/>
    <testcase classname="orders" name="refunds &amp; credits"><failure message="expected 1">boom</failure></testcase>
    <testcase classname="orders" name="later"><skipped/></testcase>
  </testsuite>
  <testsuite name="b" tests="2" failures="0" errors="1">
    <testcase classname="customers" name="masking"><error message="x"/></testcase>
    <testcase classname="customers" name="tiers"/>
  </testsuite>
</testsuites>`;

describe('readJunitReports', () => {
  it('adds up the suites of every report in a folder and names the failed tests', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-junit-'));
    await mkdir(path.join(dir, 'nested'));
    await writeFile(path.join(dir, 'one.xml'), REPORT);
    await writeFile(
      path.join(dir, 'nested', 'two.xml'),
      '<testsuite tests="1" failures="0" errors="0"><testcase name="x"/></testsuite>',
    );
    await writeFile(path.join(dir, 'notes.txt'), 'not a report');
    const summary = await readJunitReports(dir);
    expect(summary).toMatchObject({ tests: 6, failures: 1, errors: 1, skipped: 1 });
    expect(summary.failed).toEqual(['orders.refunds & credits', 'customers.masking']);
    expect(summary.files.map((file) => path.basename(file))).toEqual(['two.xml', 'one.xml']);
  });

  it('counts nothing when the report is not there', async () => {
    expect(await readJunitReports('/nonexistent/report.xml')).toMatchObject({ files: [], tests: 0 });
  });
});
