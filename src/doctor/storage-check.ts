import type { HostFacts } from '../docker/host-facts.js';
import { STORAGE_README_SECTION, type CheckResult } from './check.js';
import { probeXfsReflink, type ReflinkProbe } from './xfs-reflink.js';

export interface StorageDetails {
  driver: string;
  backingFilesystem: string | null;
  rootDir: string;
  /** On xfs: whether reflink is on, null when it could not be checked. Elsewhere null. */
  reflink: boolean | null;
}

export type StorageCheck = CheckResult<'storage', StorageDetails>;

export interface StorageFacts {
  driver: string;
  backingFilesystem?: string;
  rootDir: string;
  /** Only for an overlay driver on xfs. */
  reflink?: ReflinkProbe;
}

/** Drivers that keep a clone's changes as whole files in an upper directory (OverlayFS). */
const OVERLAY_DRIVERS = new Set(['overlay2', 'overlay', 'overlayfs']);

const COPY_UP_COST = "a clone's first write to a table copies the table's files";

/**
 * How expensive a clone's first write to a table is with this storage. reflink on XFS can only
 * be read on the engine's own machine, so `local` says whether to try.
 */
export async function checkStorage(facts: HostFacts, local: boolean): Promise<StorageCheck> {
  return classifyStorage({
    driver: facts.storageDriver,
    backingFilesystem: facts.backingFilesystem,
    rootDir: facts.rootDir,
    reflink: await readReflink(facts, local),
  });
}

/** ok when a first write shares blocks (btrfs, zfs, XFS with reflink), warn when it copies files. */
export function classifyStorage(storage: StorageFacts): StorageCheck {
  const { driver, backingFilesystem, rootDir, reflink } = storage;
  const details: StorageDetails = {
    driver,
    backingFilesystem: backingFilesystem ?? null,
    rootDir,
    reflink: reflink?.enabled ?? null,
  };
  const check = (status: 'ok' | 'warn', finding: string, hint?: string): StorageCheck =>
    hint
      ? { name: 'storage', status, finding, hint, details }
      : { name: 'storage', status, finding, details };
  const seeReadme = `see ${STORAGE_README_SECTION}`;

  if (driver === 'btrfs' || driver === 'zfs')
    return check(
      'ok',
      `${driver}: clones share the image's blocks, a write copies only the blocks it changes`,
    );
  if (driver === 'vfs')
    return check(
      'warn',
      'vfs: every clone starts as a full copy of the image',
      `Run Docker with overlay2 on XFS with reflink, or on btrfs: ${seeReadme}.`,
    );
  if (!OVERLAY_DRIVERS.has(driver))
    return check(
      'warn',
      `${driver || 'an unknown storage driver'}: not one dataclone knows; a first write may copy whole files`,
      `overlay2 on XFS with reflink, or btrfs, make first writes cheap: ${seeReadme}.`,
    );

  const on = `${driver} on ${backingFilesystem ?? 'a filesystem Docker does not report'}`;
  if (backingFilesystem === 'btrfs')
    return check('ok', `${on}: a first write clones a file's blocks (reflink) instead of copying them`);
  if (backingFilesystem !== 'xfs')
    return check(
      'warn',
      `${on}: ${COPY_UP_COST}`,
      `First writes are cheap when ${rootDir} is on XFS with reflink or on btrfs: ${seeReadme}.`,
    );
  if (reflink?.enabled === true)
    return check('ok', `${on} with reflink=1: a first write clones a file's blocks instead of copying them`);
  if (reflink?.enabled === false)
    return check(
      'warn',
      `${on} without reflink (reflink=0): ${COPY_UP_COST}`,
      `reflink is chosen when the filesystem is made: put ${rootDir} on one made with mkfs.xfs -m reflink=1; ${seeReadme}.`,
    );
  const why = reflink && 'reason' in reflink ? reflink.reason : 'not probed';
  return check(
    'warn',
    `${on}; reflink could not be checked (${why})`,
    `On the Docker host, xfs_info ${rootDir} should show reflink=1; ${seeReadme}.`,
  );
}

/** reflink matters only where overlay copies files up on XFS. */
async function readReflink(facts: HostFacts, local: boolean): Promise<ReflinkProbe | undefined> {
  if (!OVERLAY_DRIVERS.has(facts.storageDriver) || facts.backingFilesystem !== 'xfs') return undefined;
  if (!local) return { enabled: undefined, reason: 'Docker runs on another machine' };
  return probeXfsReflink(facts.rootDir);
}
