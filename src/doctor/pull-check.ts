import { findOnPath } from '../core/find-on-path.js';
import type { CheckResult } from './check.js';

export interface PullDetails {
  /** The unpigz a local engine decompresses pulled layers with; null when there is none. */
  unpigz: string | null;
}

export type PullCheck = CheckResult<'pull', PullDetails>;

/**
 * Whether a pull here decompresses layers with unpigz (Debian's pigz package): Docker Engine
 * uses it when it finds it on its PATH, else Go's gzip, which takes about twice as long for a
 * data layer. Only a local engine can be looked at: its PATH holds the folders this one does.
 */
export async function checkPull(local: boolean, env: NodeJS.ProcessEnv): Promise<PullCheck> {
  if (!local)
    return {
      name: 'pull',
      status: 'ok',
      finding:
        'not checked: Docker runs on another machine (pulls there are twice as fast with pigz installed)',
    };
  return classifyPull(await findOnPath('unpigz', env));
}

export function classifyPull(unpigz: string | undefined): PullCheck {
  const details = { unpigz: unpigz ?? null };
  if (unpigz)
    return { name: 'pull', status: 'ok', finding: `pulls decompress layers with ${unpigz}`, details };
  return {
    name: 'pull',
    status: 'warn',
    finding:
      'no unpigz: pulls decompress layers with Go gzip, about twice as slow (a 1.2 GB data layer: 22 s instead of 12 s on 2 cores)',
    hint: 'Install pigz on the Docker host (apt-get install pigz, dnf install pigz, apk add pigz); the engine uses it from its next pull, no restart needed.',
    details,
  };
}
