import { describe, expect, it } from 'vitest';
import { BuildStepError } from '../../../src/images/build-shell.js';

describe('the hint of a failed build step', () => {
  it.each([
    [
      'psql:/data/shop.sql:20: ERROR:  role "app_owner" does not exist',
      /create it in a setup script \(CREATE ROLE app_owner;\)/,
    ],
    [
      'psql:/data/shop.sql:489: ERROR:  extension "vector" is not available',
      /no extension vector: set baseImage/,
    ],
    [
      'psql:/data/shop.sql:21: ERROR:  cannot drop the currently open database',
      /set createsDatabase: true on its entry/,
    ],
    ['psql:/data/shop.sql:3: ERROR:  syntax error at or near ")"', /^Fix the source or script named above/],
  ])('says what to do about %s', (stderr, hint) => {
    expect(new BuildStepError('restore database shop', 3, stderr).hint).toMatch(hint);
  });
});
