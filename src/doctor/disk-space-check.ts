import { statfs } from 'node:fs/promises';
import { describeError } from '../core/errors.js';
import { gib, gibibytes, type CheckResult } from './check.js';

export interface DiskSpaceDetails {
  path: string;
  freeBytes: number;
  totalBytes: number;
}

export type DiskSpaceCheck = CheckResult<'disk', DiskSpaceDetails>;

/** Below this a build or a few clones' first writes may run out of room. */
export const WARN_BELOW_BYTES = gibibytes(10);
/** Below this even a small data image may not fit. */
export const FAIL_BELOW_BYTES = gibibytes(2);

/** Free space where Docker keeps images and clones; it can only be read on the engine's machine. */
export async function checkDiskSpace(rootDir: string, local: boolean): Promise<DiskSpaceCheck> {
  const onHost = `check the free space there (df -h ${rootDir}); dataclone wants ${gib(WARN_BELOW_BYTES)} or more.`;
  if (!local)
    return {
      name: 'disk',
      status: 'warn',
      finding: 'not checked: Docker runs on another machine',
      hint: `On the Docker host, ${onHost}`,
    };
  try {
    const stats = await statfs(rootDir);
    return classifyFreeSpace({
      path: rootDir,
      freeBytes: stats.bavail * stats.bsize,
      totalBytes: stats.blocks * stats.bsize,
    });
  } catch (error) {
    return {
      name: 'disk',
      status: 'warn',
      finding: `could not read the free space under ${rootDir || "Docker's root dir"}: ${describeError(error).message}`,
      hint: `If dataclone runs in a container, ${onHost}`,
    };
  }
}

/** fail under 2 GiB free, warn under 10 GiB, else ok. */
export function classifyFreeSpace(space: DiskSpaceDetails): DiskSpaceCheck {
  const { path, freeBytes, totalBytes } = space;
  const free = `${gib(freeBytes)} free of ${gib(totalBytes)} under ${path}`;
  const makeRoom = `Remove images and clones you no longer need (dataclone image list, dataclone clone list), or give Docker a bigger disk.`;
  if (freeBytes < FAIL_BELOW_BYTES)
    return {
      name: 'disk',
      status: 'fail',
      finding: `${free}: too little to build or clone`,
      hint: makeRoom,
      details: space,
    };
  if (freeBytes < WARN_BELOW_BYTES)
    return {
      name: 'disk',
      status: 'warn',
      finding: `${free}: a larger image or many first writes may not fit`,
      hint: makeRoom,
      details: space,
    };
  return { name: 'disk', status: 'ok', finding: free, details: space };
}
