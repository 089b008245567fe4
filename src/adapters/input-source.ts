import { validateOwner } from '../pipeline/job.js';
import type { PostState } from './ci-platform.js';

/**
 * How a CI platform hands over its inputs. Names are the action's (kebab-case); each adapter
 * maps them to its own spelling.
 */
export interface InputSource {
  get(name: string): string;
  getBoolean(name: string): boolean;
  getLines(name: string): string[];
  /** How the platform spells an input name, for error messages. */
  spell(name: string): string;
}

/**
 * What the post step needs, read from the inputs as main reads them: a post step whose main was
 * killed before it saved its state derives the same job, keep and Docker host on its own.
 */
export function readPostInputs(inputs: InputSource, defaultJobId: string): PostState {
  return {
    owner: validateOwner(inputs.get('job-id') || defaultJobId, `input '${inputs.spell('job-id')}'`),
    keep: inputs.get('keep') ? inputs.getBoolean('keep') : false,
    dockerHost: inputs.get('docker-host'),
  };
}

/** What a warm (pre) step needs: whether to pull ahead, and the job's image. */
export interface WarmInputs {
  warm: boolean;
  owner: string;
  dockerHost: string;
  /** The image input; empty when the step gives an environment file instead. */
  image: string;
  environment: string;
}

export function readWarmInputs(inputs: InputSource, defaultJobId: string): WarmInputs {
  const { owner, dockerHost } = readPostInputs(inputs, defaultJobId);
  return {
    warm: inputs.get('warm') ? inputs.getBoolean('warm') : false,
    owner,
    dockerHost,
    image: inputs.get('image'),
    environment: inputs.get('environment'),
  };
}
