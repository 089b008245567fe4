import { describe, expect, it } from 'vitest';
import { silentReporter } from '../../../src/core/reporter.js';
import type { BuildShell } from '../../../src/engines/engine.js';
import { engineFor } from '../../../src/engines/index.js';
import { checkBaseImageServer, checkImageServer } from '../../../src/images/server-version-check.js';

/** A build container whose server binary prints `output` for --version. */
function shellPrinting(output: string): BuildShell {
  return { run: async () => output, unpack: async () => {} };
}

const definition = (engine: string, version: string, baseImage: string) => ({
  file: 'dataclone.yaml',
  engine: engine as 'postgres',
  version,
  baseImage,
});

describe('a build on a base image of another server', () => {
  it('is refused naming both versions and how to fix the definition', async () => {
    const check = checkBaseImageServer(
      shellPrinting('postgres (PostgreSQL) 17.2 (Debian 17.2-1)\n'),
      engineFor('postgres'),
      definition('postgres', '15', 'postgres:17'),
      silentReporter,
    );
    await expect(check).rejects.toMatchObject({
      message: 'dataclone.yaml: version names PostgreSQL 15, and baseImage postgres:17 runs PostgreSQL 17.2',
      hint: expect.stringContaining(
        'Set version: "17", or a baseImage of PostgreSQL 15 (such as postgres:15)',
      ),
    });
  });

  it('is refused when the base image runs MariaDB and the definition says MySQL', async () => {
    const check = checkBaseImageServer(
      shellPrinting('mariadbd  Ver 11.8.2-MariaDB-ubu2404 for debian-linux-gnu on x86_64\n'),
      engineFor('mysql'),
      definition('mysql', '9.7', 'mariadb:11.8'),
      silentReporter,
    );
    await expect(check).rejects.toMatchObject({
      message: 'dataclone.yaml: engine names MySQL 9.7, and baseImage mariadb:11.8 runs MariaDB 11.8.2',
      hint: expect.stringContaining('Set engine: mariadb (version: "11.8")'),
    });
  });

  it('goes on when the base image runs the version the definition names', async () => {
    await expect(
      checkBaseImageServer(
        shellPrinting('mysqld  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64\n'),
        engineFor('mariadb'),
        definition('mariadb', '10.11', 'mariadb:10.11'),
        silentReporter,
      ),
    ).resolves.toBeUndefined();
  });
});

describe('a clone of a data image whose server is not the version its data was made by', () => {
  it('is refused naming both versions and how to build the image again', () => {
    expect(() =>
      checkImageServer('app:latest', {
        engine: 'postgres',
        engineVersion: '15',
        server: { product: 'PostgreSQL', version: '17' },
      }),
    ).toThrow(
      expect.objectContaining({
        message:
          'image app:latest: its data was made by PostgreSQL 15 (label dataclone.engine.version), and the image runs PostgreSQL 17',
        hint: expect.stringContaining('on a base image of PostgreSQL 15'),
      }),
    );
  });

  it('starts when the image declares no server version, or the same', () => {
    expect(() => checkImageServer('app', { engine: 'mariadb', engineVersion: '11.8' })).not.toThrow();
    expect(() =>
      checkImageServer('app', {
        engine: 'mariadb',
        engineVersion: '11.8',
        server: { product: 'MariaDB', version: '11.8.2' },
      }),
    ).not.toThrow();
  });
});
