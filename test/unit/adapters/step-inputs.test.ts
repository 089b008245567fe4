import { describe, expect, it } from 'vitest';
import { readStepInputs, type InputSource } from '../../../src/adapters/step-inputs.js';

/** Inputs as the action spells them (kebab-case); the task spells them camelCase. */
function source(values: Record<string, string>, spell = (name: string) => name): InputSource {
  return {
    get: (name) => values[name] ?? '',
    getBoolean: (name) => values[name] === 'true',
    getLines: (name) => (values[name] ?? '').split('\n').filter(Boolean),
    spell,
  };
}

describe('readStepInputs: networking', () => {
  it('hands the choice to provision', () => {
    const read = readStepInputs(
      source({ command: 'provision', image: 'shop:nightly', networking: 'host' }),
      'job-1',
    );
    expect(read.request.provision?.networking).toBe('host');
  });

  it('leaves it to DATACLONE_NETWORKING, else bridge, when empty', () => {
    const read = readStepInputs(source({ command: 'provision', image: 'shop:nightly' }), 'job-1');
    expect(read.request.provision?.networking).toBeUndefined();
  });

  it('refuses host networking for an environment, naming both inputs', () => {
    expect(() =>
      readStepInputs(
        source({ command: 'provision', environment: 'env.yaml', networking: 'host' }, (name) =>
          name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
        ),
        'job-1',
      ),
    ).toThrow("input 'networking': host is for a single clone, and input 'environment' was given");
  });

  it('names the input as the platform spells it when the choice is unknown', () => {
    expect(() =>
      readStepInputs(source({ command: 'run', image: 'shop:nightly', networking: 'overlay' }), 'job-1'),
    ).toThrow("input 'networking': 'overlay' is not a way of networking clones");
  });
});
