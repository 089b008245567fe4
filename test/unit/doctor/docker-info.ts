/** A `docker info` answer from a Linux engine using overlay2 on XFS. */
export const dockerInfo = {
  ServerVersion: '27.3.1',
  OperatingSystem: 'Ubuntu 24.04.1 LTS',
  OSType: 'linux',
  Architecture: 'x86_64',
  NCPU: 4,
  MemTotal: 16 * 1024 ** 3,
  Driver: 'overlay2',
  DriverStatus: [
    ['Backing Filesystem', 'xfs'],
    ['Supports d_type', 'true'],
  ],
  DockerRootDir: '/var/lib/docker',
};
