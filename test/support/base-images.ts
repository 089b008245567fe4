import type { EngineName } from '../../src/definition/types.js';

/**
 * The base images the integration tests build from: DATACLONE_TEST_BASE_IMAGES (the same
 * variable scripts/test-bed.sh reads to pull or build them), PostgreSQL 15 and MariaDB 10.11
 * when unset. Each names an official image, `postgres:18`, `mysql:9.7`, `mariadb:11.8`.
 */
export interface TestBaseImage {
  image: string;
  engine: EngineName;
  version: string;
}

const DEFAULT_BASE_IMAGES = 'postgres:15 mariadb:10.11';
const ENGINES: readonly EngineName[] = ['postgres', 'mysql', 'mariadb'];

export function testBaseImages(): TestBaseImage[] {
  const listed = (process.env.DATACLONE_TEST_BASE_IMAGES ?? DEFAULT_BASE_IMAGES)
    .split(/[\s,]+/)
    .filter(Boolean);
  return listed.map((image) => {
    const [engine, version] = image.split(':') as [string, string | undefined];
    if (!ENGINES.includes(engine as EngineName) || !version) {
      throw new Error(
        `DATACLONE_TEST_BASE_IMAGES: '${image}' is not <engine>:<version> of ${ENGINES.join(', ')}`,
      );
    }
    return { image, engine: engine as EngineName, version };
  });
}

/**
 * The version of `engine` a test file written for one engine builds its images with: the first
 * of that engine in DATACLONE_TEST_BASE_IMAGES, else `fallback` (the version the file was
 * written against).
 */
export function testedVersion(engine: EngineName, fallback: string): string {
  return testBaseImages().find((base) => base.engine === engine)?.version ?? fallback;
}
