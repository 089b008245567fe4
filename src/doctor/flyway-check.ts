import { findFlyway } from '../flyway/find-flyway.js';
import { FLYWAY_IMAGE } from '../flyway/run-flyway-container.js';
import type { CheckResult } from './check.js';

export interface FlywayDetails {
  /** The Flyway command line `migrate` would run, null when none is on PATH. */
  executable: string | null;
  /** The image `migrate` runs instead. */
  image: string;
  /** Whether that image is on the Docker host; null when the host could not be asked. */
  imagePresent: boolean | null;
}

export type FlywayCheck = CheckResult<'flyway', FlywayDetails>;

/** Which Flyway `dataclone migrate` would use here, without --flyway. */
export async function checkFlyway(env: NodeJS.ProcessEnv, imagePresent?: boolean): Promise<FlywayCheck> {
  return classifyFlyway({ executable: await findFlyway(undefined, env), imagePresent });
}

/** ok with a Flyway command line on PATH; warn when migrations would run in a container instead. */
export function classifyFlyway(found: { executable?: string; imagePresent?: boolean }): FlywayCheck {
  const details: FlywayDetails = {
    executable: found.executable ?? null,
    image: FLYWAY_IMAGE,
    imagePresent: found.imagePresent ?? null,
  };
  if (found.executable)
    return { name: 'flyway', status: 'ok', finding: `flyway on PATH: ${found.executable}`, details };
  const image =
    found.imagePresent === undefined
      ? FLYWAY_IMAGE
      : `${FLYWAY_IMAGE} (${found.imagePresent ? 'present here' : 'pulled on first use'})`;
  return {
    name: 'flyway',
    status: 'warn',
    finding: `flyway is not on PATH: migrate will run the official Flyway image ${image}`,
    hint: 'To migrate without a container, install the Flyway command line and put it on PATH, or pass --flyway <path>.',
    details,
  };
}
