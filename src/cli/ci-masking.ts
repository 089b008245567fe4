import type { Clone } from '../clones/clone.js';
import type { Reporter } from '../core/reporter.js';

/** The CI platform whose job log the CLI writes to, when it runs in a step of one. */
export type CiLogPlatform = 'github' | 'azure';

export function detectCiLogPlatform(env: NodeJS.ProcessEnv): CiLogPlatform | undefined {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.TF_BUILD?.toLowerCase() === 'true') return 'azure';
  return undefined;
}

/**
 * The platform's own command that masks `secret` in the job log from that line on: what
 * `core.setSecret` and `tl.setSecret` print, escaped as they escape it.
 */
export function maskCommand(platform: CiLogPlatform, secret: string): string {
  if (platform === 'github') {
    return `::add-mask::${secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
  }
  return `##vso[task.setsecret]${secret.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
}

/** Registers the secrets of clones about to be printed, so that no output shows them unasked. */
export function registerCloneSecrets(reporter: Reporter, clones: Clone[]): void {
  for (const clone of clones) reporter.maskSecret(clone.connection.password);
}
