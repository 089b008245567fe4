import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { definitionWith, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();
const MARIADB = 'name: shop\nengine: mariadb\nversion: "10.11"\n';

describe('a MariaDB physical backup', () => {
  it('is the prepared folder mariabackup wrote', async () => {
    await folder.write('backups/full/xtrabackup_checkpoints', 'backup_type = log-applied\nfrom_lsn = 0\n');
    const definition = await folder.load(definitionWith('instance:\n  backup: backups/full\n', MARIADB));
    expect(definition.instance?.backup).toEqual({
      kind: 'mariabackup',
      path: folder.at('backups/full'),
      form: 'folder',
    });
  });

  it('is a tar of that folder, gzip-compressed or not', async () => {
    await folder.write('backups/full.tar.gz', gzipSync('tar'));
    const definition = await folder.load(
      definitionWith('instance:\n  backup: backups/full.tar.gz\n', MARIADB),
    );
    expect(definition.instance?.backup).toMatchObject({ kind: 'mariabackup', form: 'tar.gz' });
  });

  it('is refused before the build when it is not prepared, saying how to prepare it', async () => {
    await folder.write('backups/raw/mariadb_backup_checkpoints', 'backup_type = full-backuped\n');
    await expect(
      folder.load(definitionWith('instance:\n  backup: backups/raw\n', MARIADB)),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /instance\.backup: the mariabackup backup "backups\/raw" is not prepared/,
      ),
      hint: "Prepare it first, with the mariabackup of the server's version: mariabackup --prepare --target-dir=backups/raw",
    });
  });

  it('is refused when the folder is not a mariabackup at all', async () => {
    await folder.write('backups/other/ibdata1', 'x');
    await expect(
      folder.load(definitionWith('instance:\n  backup: backups/other\n', MARIADB)),
    ).rejects.toThrow(
      /the folder "backups\/other" is not a mariabackup backup: it has no mariadb_backup_checkpoints/,
    );
  });

  it('is refused for MySQL, whose backup tools no image carries', async () => {
    await folder.write('backups/full/xtrabackup_checkpoints', 'backup_type = log-applied\n');
    await expect(
      folder.load(
        definitionWith('instance:\n  backup: backups/full\n', 'name: shop\nengine: mysql\nversion: "9.7"\n'),
      ),
    ).rejects.toThrow(/physical backups are not supported for mysql/);
  });
});
