import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Whether an XFS filesystem shares data blocks between files (reflink), or why that is unknown. */
export type ReflinkProbe = { enabled: boolean } | { enabled: undefined; reason: string };

// xfs_info lives in /usr/sbin, which is not on an ordinary user's PATH on Debian.
const XFS_INFO = ['xfs_info', '/usr/sbin/xfs_info', '/sbin/xfs_info'];

/** Runs xfs_info on the filesystem `dir` is on and reads its reflink flag; never throws. */
export async function probeXfsReflink(dir: string): Promise<ReflinkProbe> {
  let mountPoint: string;
  try {
    mountPoint = await mountPointOf(dir);
  } catch (error) {
    return { enabled: undefined, reason: `${dir} is not visible here: ${(error as Error).message}` };
  }
  for (const command of XFS_INFO) {
    const result = await run(command, [mountPoint]);
    if (result.missing) continue;
    const invocation = `${path.basename(command)} ${mountPoint}`;
    if (result.error) return { enabled: undefined, reason: `${invocation} failed: ${result.error}` };
    const enabled = parseXfsReflink(result.stdout);
    return enabled === undefined
      ? { enabled: undefined, reason: `${invocation} printed no reflink flag` }
      : { enabled };
  }
  return { enabled: undefined, reason: 'xfs_info is not installed (it comes with xfsprogs)' };
}

/** The `reflink=0|1` flag of xfs_info's output; undefined when xfsprogs is too old to print it. */
export function parseXfsReflink(output: string): boolean | undefined {
  const flag = /\breflink=([01])\b/.exec(output)?.[1];
  return flag === undefined ? undefined : flag === '1';
}

/**
 * The mount point of the filesystem holding `dir`: xfs_info reads a mount point, a device or an
 * image file, not any directory on the filesystem.
 */
async function mountPointOf(dir: string): Promise<string> {
  let current = path.resolve(dir);
  const device = (await stat(current)).dev;
  while (current !== path.dirname(current)) {
    const parent = path.dirname(current);
    if ((await stat(parent)).dev !== device) return current;
    current = parent;
  }
  return current;
}

async function run(
  command: string,
  args: string[],
): Promise<{ stdout: string; missing?: boolean; error?: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000 }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve({ stdout, missing: true });
      resolve({ stdout, error: firstLine(stderr) || error.message });
    });
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
