import { execFileSync } from 'node:child_process';
import type { EngineName, ImageDefinition } from '../../src/definition/types.js';

/**
 * The base images the integration tests build from, each an official image's name
 * (`postgres:18`, `mysql:9.7`, `mariadb:11.8`): DATACLONE_TEST_BASE_IMAGES when set (the same
 * variable scripts/test-bed.sh reads to pull or build them; CI sets it to the whole matrix),
 * else those of the matrix that the Docker host has.
 */
export const TEST_MATRIX = [
  'postgres:15',
  'postgres:17',
  'postgres:18',
  'mariadb:10.11',
  'mariadb:11.8',
  'mysql:9.7',
] as const;

export interface TestBaseImage {
  image: string;
  engine: EngineName;
  version: string;
}

const ENGINES: readonly EngineName[] = ['postgres', 'mysql', 'mariadb'];

let chosen: TestBaseImage[] | undefined;

export function testBaseImages(): TestBaseImage[] {
  chosen ??= (process.env.DATACLONE_TEST_BASE_IMAGES?.split(/[\s,]+/).filter(Boolean) ?? presentImages()).map(
    parseBaseImage,
  );
  return chosen;
}

/**
 * The version of `engine` that a test file written for one engine builds its images with: the
 * first of that engine among the test base images, else `fallback` (the version it was written
 * against).
 */
export function testedVersion(engine: EngineName, fallback: string): string {
  return testBaseImages().find((base) => base.engine === engine)?.version ?? fallback;
}

/** `definition` moved to the tested version of its engine, on that version's official image. */
export function atTestedVersion(definition: ImageDefinition): ImageDefinition {
  const version = testedVersion(definition.engine, definition.version);
  const ownBaseImage = definition.baseImage !== `${definition.engine}:${definition.version}`;
  return {
    ...definition,
    version,
    baseImage: ownBaseImage ? definition.baseImage : `${definition.engine}:${version}`,
  };
}

function parseBaseImage(image: string): TestBaseImage {
  const [engine, version] = image.split(':') as [string, string | undefined];
  if (!ENGINES.includes(engine as EngineName) || !version) {
    throw new Error(
      `DATACLONE_TEST_BASE_IMAGES: '${image}' is not <engine>:<version> of ${ENGINES.join(', ')}`,
    );
  }
  return { image, engine: engine as EngineName, version };
}

function presentImages(): string[] {
  return TEST_MATRIX.filter((image) => {
    try {
      execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}
