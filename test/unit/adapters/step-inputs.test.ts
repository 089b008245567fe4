import { describe, expect, it } from 'vitest';
import { githubRunJobId } from '../../../src/adapters/run-job-id.js';
import { readPostInputs, readWarmInputs } from '../../../src/adapters/input-source.js';
import { readStepInputs, type InputSource } from '../../../src/adapters/step-inputs.js';
import { resolveJobId } from '../../../src/cli/job-id.js';

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

describe('readPostInputs: what a post step derives when main saved nothing', () => {
  const run = { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'build' };

  it('derives the job, keep and Docker host exactly as main reads them', () => {
    const inputs = source({
      command: 'provision',
      image: 'shop:nightly',
      keep: 'true',
      'docker-host': 'tcp://h:2375',
    });
    const main = readStepInputs(inputs, githubRunJobId(run));
    expect(readPostInputs(inputs, githubRunJobId(run))).toEqual({
      owner: main.owner,
      keep: main.keep,
      dockerHost: main.dockerHost,
    });
    expect(main.owner).toBe('gh-77-2-build');
  });

  it('uses the job-id input when one was given', () => {
    expect(readPostInputs(source({ 'job-id': 'pr-42' }), githubRunJobId(run)).owner).toBe('pr-42');
  });

  it('agrees with the CLI in a run: step of the same job', () => {
    expect(readPostInputs(source({}), githubRunJobId(run)).owner).toBe(resolveJobId(undefined, run));
  });
});

describe('readWarmInputs: what the pre step reads', () => {
  it('is off unless warm is given', () => {
    expect(readWarmInputs(source({ command: 'provision', image: 'shop:nightly' }), 'job-1')).toMatchObject({
      warm: false,
      owner: 'job-1',
    });
  });

  it('with warm, the image, the job and the Docker host main will use', () => {
    expect(
      readWarmInputs(
        source({
          command: 'run',
          image: 'registry.example.com/shop:nightly',
          warm: 'true',
          'job-id': 'pr-42',
          'docker-host': 'tcp://clones.example.com:2376',
        }),
        'job-1',
      ),
    ).toEqual({
      warm: true,
      owner: 'pr-42',
      dockerHost: 'tcp://clones.example.com:2376',
      image: 'registry.example.com/shop:nightly',
      environment: '',
    });
  });
});
