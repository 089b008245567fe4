import fs from 'node:fs';

/**
 * Whether this process is in the Docker daemon's network namespace, so that a port a host-network
 * container listens on is a port of this machine: compared where dockerd's namespace can be read;
 * where it cannot (dataclone runs as a user in the docker group), true unless this process runs in
 * a container (a CI job container with the Docker socket mounted, say), and false where no dockerd
 * is to be seen at all.
 */
export function sharesDockerNetwork(proc = '/proc'): boolean {
  const own = readLink(`${proc}/self/ns/net`);
  let daemonSeen = false;
  for (const pid of fs.readdirSync(proc)) {
    if (!/^\d+$/.test(pid) || readText(`${proc}/${pid}/comm`) !== 'dockerd') continue;
    daemonSeen = true;
    const daemon = readLink(`${proc}/${pid}/ns/net`);
    if (own && daemon) return own === daemon;
  }
  if (!daemonSeen) return false;
  return !fs.existsSync('/.dockerenv') && !fs.existsSync('/run/.containerenv');
}

function readLink(file: string): string | undefined {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}
