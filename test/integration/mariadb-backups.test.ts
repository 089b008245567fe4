import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { startSourceServer, type SourceServer } from '../support/source-server.js';
import { useTestHost } from '../support/test-host.js';

/**
 * MariaDB physical backups made by the real mariabackup of the base image (the official image
 * ships it; scripts/build-base-image.sh installs mariadb-backup) from a real server in a
 * container, copied out through the Docker archive API, then built from and cloned.
 */
const t = useTestHost();
let server: SourceServer;
let folder: Awaited<ReturnType<typeof writeDefinitionFolder>>;

beforeAll(async () => {
  server = await startSourceServer(t.host, {
    image: 'mariadb:10.11',
    engine: 'mariadb',
    owner: t.owner,
    name: t.cloneName('prod-maria-physical'),
  });
  await server.sql(`
    CREATE DATABASE shop;
    CREATE TABLE shop.customers (id int PRIMARY KEY, email varchar(60) NOT NULL);
    INSERT INTO shop.customers SELECT seq, CONCAT('customer', seq, '@example.com') FROM shop.seq_1_to_20000;
    CREATE VIEW shop.first_customers AS SELECT id FROM shop.customers WHERE id <= 5;
    CREATE USER 'app'@'%' IDENTIFIED BY 'production-app-password';
    GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%';
    ALTER USER 'root'@'localhost' IDENTIFIED BY 'production-root-password';
  `);
  // mariabackup reads the password from a defaults file, as a backup job would.
  await server.dump([
    'sh',
    '-c',
    `command -v mariabackup >/dev/null || { echo "mariadb:10.11 has no mariabackup: rebuild it with scripts/build-base-image.sh mariadb:10.11" >&2; exit 1; }
     set -e
     mkdir -p /tmp/backups
     printf '[client]\\npassword=production-root-password\\n' > /tmp/backup.cnf
     backup() { mariabackup --defaults-extra-file=/tmp/backup.cnf --backup --user=root --socket=/tmp/dataclone-mysqld.sock --target-dir="$1" 2>/tmp/backup.log || { cat /tmp/backup.log >&2; exit 1; }; }
     backup /tmp/backups/raw
     backup /tmp/backups/full
     mariabackup --prepare --target-dir=/tmp/backups/full 2>/tmp/backup.log || { cat /tmp/backup.log >&2; exit 1; }
     tar -C /tmp/backups/full -czf /tmp/backups/full.tar.gz .`,
  ]);
  folder = await writeDefinitionFolder({});
  await server.copyOut(t.docker, '/tmp/backups', folder.dir);
}, 240_000);

afterAll(async () => {
  await server?.[Symbol.asyncDispose]();
  await folder?.remove();
  await t.cleanup();
});

async function buildFrom(name: string, backup: string) {
  await writeFile(
    path.join(folder.dir, 'dataclone.yaml'),
    `name: ${name}\nengine: mariadb\nversion: "10.11"\ninstance:\n  backup: ${backup}\nprimary: shop\n`,
  );
  const tag = t.imageTag(name);
  const built = await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(path.join(folder.dir, 'dataclone.yaml')),
    tag,
  });
  return { tag, built };
}

async function withClone<T>(image: string, use: (clone: Clone) => Promise<T>): Promise<T> {
  const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
  try {
    return await use(clone);
  } finally {
    await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
  }
}

function login(clone: Clone, user: string, password: string) {
  return mysql.createConnection({ host: '127.0.0.1', port: clone.connection.port, user, password });
}

describe('MariaDB physical backups made by mariabackup', () => {
  it.each([
    ['the prepared folder', 'maria-physical-folder', 'backups/full'],
    ["a tar.gz of the prepared folder's content", 'maria-physical-tar', 'backups/full.tar.gz'],
  ])('builds an image from %s: databases found, no production password left', async (_case, name, backup) => {
    const { tag, built } = await buildFrom(name, backup);
    expect(built.databases).toEqual(['shop']);
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'shop', 'SELECT count(*) AS n FROM customers')).toEqual([{ n: 20000 }]);
      expect(await query(clone, 'shop', 'SELECT count(*) AS n FROM first_customers')).toEqual([{ n: 5 }]);
      await expect(login(clone, 'app', 'production-app-password')).rejects.toThrow(/locked|Access denied/i);
      await expect(login(clone, 'root', 'production-root-password')).rejects.toThrow(/Access denied/);
      const root = await login(clone, 'root', clone.connection.password);
      await root.end();
    });
  });

  it('refuses a backup that was not prepared, saying how to prepare it', async () => {
    await expect(buildFrom('maria-physical-raw', 'backups/raw')).rejects.toMatchObject({
      message: expect.stringMatching(
        /the mariabackup backup "backups\/raw" is not prepared \(its backup_type is full-backuped/,
      ),
      hint: expect.stringMatching(/mariabackup --prepare --target-dir=backups\/raw/),
    });
  });

  it('refuses a backup of another major version in one error naming both, and tags nothing', async () => {
    await cp(path.join(folder.dir, 'backups/full'), path.join(folder.dir, 'backups/v11'), {
      recursive: true,
    });
    // mariadb_backup_info from MariaDB 11 on; xtrabackup_info before.
    const [info = ''] = (await readdir(path.join(folder.dir, 'backups/v11')))
      .filter((name) => /^(mariadb_backup|xtrabackup)_info$/.test(name))
      .map((name) => path.join(folder.dir, 'backups/v11', name));
    await writeFile(
      info,
      (await readFile(info, 'utf8')).replace(/^server_version = .*$/m, 'server_version = 11.8.3-MariaDB'),
    );
    await expect(buildFrom('maria-physical-v11', 'backups/v11')).rejects.toThrow(
      /the physical backup is of MariaDB 11\.8, and the image's server is MariaDB 10\.11/,
    );
    expect(
      await t.docker.listImages({ filters: { reference: ['dataclone-test/maria-physical-v11'] } }),
    ).toEqual([]);
    const containers = await t.docker.listContainers({ all: true });
    expect(containers.flatMap((c) => c.Names).filter((n) => n.includes('maria-physical-v11'))).toEqual([]);
  });
});
