import { randomBytes } from 'node:crypto';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { MaskDefinition } from './types.js';

/** The masking key: the secret the definition names, or one for this build only. */
export interface MaskingKey {
  secret: string;
  deterministic: boolean;
}

/**
 * Reads the masking secret from the environment variable the definition names, before any build
 * work: a definition that demands deterministic masking fails here without it. Without it,
 * masking uses a key made for this build: consistent within the image, different in the next.
 */
export function maskingKey(
  mask: MaskDefinition,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
  file: string,
): MaskingKey {
  const secret = env[mask.secretVariable] ?? '';
  if (secret !== '') {
    reporter.maskSecret(secret);
    return { secret, deterministic: true };
  }
  if (mask.deterministic)
    throw new DatacloneError(
      `${file}: mask: deterministic masking is demanded, and the environment variable ${mask.secretVariable} is not set or empty`,
      `Set ${mask.secretVariable} to the masking secret (a CI secret, the same for every build), or name another variable with mask.secret. Nothing was built.`,
    );
  reporter.warn(
    `mask: ${mask.secretVariable} is not set: masking is random (a key of this build only), consistent within this image but different in every build`,
  );
  return { secret: randomBytes(32).toString('hex'), deterministic: false };
}
