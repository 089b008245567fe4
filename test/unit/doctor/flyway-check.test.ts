import { describe, expect, it } from 'vitest';
import { classifyFlyway } from '../../../src/doctor/flyway-check.js';

describe('classifyFlyway', () => {
  it('is ok with a Flyway command line on PATH', () => {
    expect(classifyFlyway({ executable: '/opt/flyway/flyway' })).toEqual({
      name: 'flyway',
      status: 'ok',
      finding: 'flyway on PATH: /opt/flyway/flyway',
      details: { executable: '/opt/flyway/flyway', image: 'redgate/flyway:latest', imagePresent: null },
    });
  });

  it.each([
    [true, 'redgate/flyway:latest (present here)'],
    [false, 'redgate/flyway:latest (pulled on first use)'],
    [undefined, 'redgate/flyway:latest'],
  ])('warns without one, naming the image migrate runs instead (present: %s)', (imagePresent, image) => {
    const check = classifyFlyway({ imagePresent });
    expect(check.status).toBe('warn');
    expect(check.finding).toBe(`flyway is not on PATH: migrate will run the official Flyway image ${image}`);
    expect(check.hint).toContain('--flyway <path>');
  });
});
