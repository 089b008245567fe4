import { describe, expect, it } from 'vitest';
import { formatBytes, TerminalReporter } from '../../../src/cli/terminal-reporter.js';
import { parseDuration } from '../../../src/core/duration.js';
import { randomPassword } from '../../../src/core/random.js';
import { splitReference } from '../../../src/docker/docker-host.js';
import { restoreOrder } from '../../../src/definition/restore-order.js';
import { validateImageReference } from '../../../src/images/image-reference.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['90m', 5_400_000],
    ['8h', 28_800_000],
    ['3d', 259_200_000],
    ['1.5h', 5_400_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text, '--lifetime')).toBe(ms));

  it.each([['3'], ['3 days'], ['0h'], ['-1h']])('refuses %s, naming the option', (text) => {
    expect(() => parseDuration(text, '--lifetime')).toThrow(`--lifetime: '${text}' is not a duration`);
  });
});

describe('image references', () => {
  it.each([['shop:nightly'], ['dataclone/shop:2026-11-25'], ['registry.local:5000/team/shop:1'], ['shop']])(
    'accepts %s',
    (ref) => {
      expect(() => validateImageReference(ref, '--tag')).not.toThrow();
    },
  );
  it.each([['Shop:1'], ['shop:'], ['shop thing'], ['-shop']])('refuses %s', (ref) => {
    expect(() => validateImageReference(ref, '--tag')).toThrow(
      `--tag: '${ref}' is not a valid image reference`,
    );
  });
  it.each([
    ['shop', { repo: 'shop', tag: 'latest' }],
    ['shop:1', { repo: 'shop', tag: '1' }],
    ['registry.local:5000/shop', { repo: 'registry.local:5000/shop', tag: 'latest' }],
  ])('splits %s into repository and tag', (ref, expected) => expect(splitReference(ref)).toEqual(expected));
});

describe('randomPassword', () => {
  it('is 32 letters and digits, different every time', () => {
    const passwords = new Set(Array.from({ length: 100 }, () => randomPassword()));
    expect(passwords.size).toBe(100);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});

describe('restoreOrder', () => {
  it('puts every item after its dependencies and keeps the written order otherwise', () => {
    const result = restoreOrder([
      { name: 'c', dependsOn: ['b'] },
      { name: 'a', dependsOn: [] },
      { name: 'b', dependsOn: ['a'] },
      { name: 'd', dependsOn: [] },
    ]);
    expect('order' in result && result.order.map((item) => item.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('TerminalReporter', () => {
  it('masks every registered secret in what it prints', () => {
    const written: string[] = [];
    const stream = {
      write: (text: string) => written.push(text),
      isTTY: false,
    } as unknown as NodeJS.WriteStream;
    const reporter = new TerminalReporter({ stream });
    reporter.maskSecret('hunter2hunter2');
    reporter.info('connecting with hunter2hunter2 to postgresql://u:hunter2hunter2@h/db');
    expect(written.join('')).toBe('connecting with *** to postgresql://u:***@h/db\n');
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('formats %d bytes as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
