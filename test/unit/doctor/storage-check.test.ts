import { describe, expect, it } from 'vitest';
import { classifyStorage } from '../../../src/doctor/storage-check.js';
import { parseXfsReflink } from '../../../src/doctor/xfs-reflink.js';

const rootDir = '/var/lib/docker';

describe('classifyStorage', () => {
  it.each([
    ['btrfs', undefined],
    ['zfs', undefined],
    ['overlay2', 'btrfs'],
  ])('is ok for the %s driver on %s: a first write shares blocks', (driver, backingFilesystem) => {
    const check = classifyStorage({ driver, backingFilesystem, rootDir });
    expect(check.status).toBe('ok');
    expect(check.hint).toBeUndefined();
  });

  it('is ok for overlay2 on xfs with reflink=1', () => {
    const check = classifyStorage({
      driver: 'overlay2',
      backingFilesystem: 'xfs',
      rootDir,
      reflink: { enabled: true },
    });
    expect(check).toMatchObject({ status: 'ok', details: { reflink: true } });
  });

  it('warns for overlay2 on extfs, pointing to the README section', () => {
    const check = classifyStorage({ driver: 'overlay2', backingFilesystem: 'extfs', rootDir });
    expect(check.status).toBe('warn');
    expect(check.finding).toBe(
      "overlay2 on extfs: a clone's first write to a table copies the table's files",
    );
    expect(check.hint).toContain('README "Fast copy-on-write storage"');
    expect(check.details).toEqual({ driver: 'overlay2', backingFilesystem: 'extfs', rootDir, reflink: null });
  });

  it('warns for xfs made without reflink, saying that mkfs decides it', () => {
    const check = classifyStorage({
      driver: 'overlay2',
      backingFilesystem: 'xfs',
      rootDir,
      reflink: { enabled: false },
    });
    expect(check.status).toBe('warn');
    expect(check.finding).toContain('reflink=0');
    expect(check.hint).toContain('mkfs.xfs -m reflink=1');
  });

  it('warns for xfs when reflink could not be checked, and says why', () => {
    const check = classifyStorage({
      driver: 'overlay2',
      backingFilesystem: 'xfs',
      rootDir,
      reflink: { enabled: undefined, reason: 'Docker runs on another machine' },
    });
    expect(check.status).toBe('warn');
    expect(check.finding).toBe(
      'overlay2 on xfs; reflink could not be checked (Docker runs on another machine)',
    );
    expect(check.hint).toContain(`xfs_info ${rootDir}`);
    expect(check.details?.reflink).toBeNull();
  });

  it.each([
    ['vfs', undefined, 'vfs: every clone starts as a full copy of the image'],
    ['overlayfs', undefined, 'overlayfs on a filesystem Docker does not report'],
    ['devicemapper', undefined, 'devicemapper: not one dataclone knows'],
    ['', undefined, 'an unknown storage driver'],
  ])('warns for the %s driver on %s', (driver, backingFilesystem, finding) => {
    const check = classifyStorage({ driver, backingFilesystem, rootDir });
    expect(check.status).toBe('warn');
    expect(check.finding).toContain(finding);
    expect(check.hint).toBeTruthy();
  });
});

describe('parseXfsReflink', () => {
  const xfsInfo = (flags: string) =>
    [
      'meta-data=/dev/vdb               isize=512    agcount=4, agsize=2621440 blks',
      '         =                       sectsz=512   attr=2, projid32bit=1',
      '         =                       crc=1        finobt=1, sparse=1, rmapbt=0',
      `         =                       ${flags}`,
      'data     =                       bsize=4096   blocks=10485760, imaxpct=25',
    ].join('\n');

  it.each([
    ['reflink=1    bigtime=1 inobtcount=1 nrext64=0', true],
    ['reflink=0    bigtime=1 inobtcount=1 nrext64=0', false],
    ['', undefined],
  ])('reads %j', (flags, expected) => expect(parseXfsReflink(xfsInfo(flags))).toBe(expected));
});
