import { describe, expect, it } from 'vitest';
import { savedImageConfig } from '../../../src/clones/save-clone.js';
import { parseHostFacts } from '../../../src/docker/host-facts.js';
import { historyEntries, type ImageConfig } from '../../../src/docker/image-config.js';

const data: ImageConfig = {
  architecture: 'amd64',
  os: 'linux',
  created: '2026-01-01T00:00:00.000Z',
  config: {
    User: 'postgres',
    Env: ['PATH=/usr/bin', 'DATACLONE_PASSWORD=', 'DATACLONE_LISTEN_PORT='],
    Entrypoint: ['/bin/sh', '-c', 'start'],
    Labels: {
      'dataclone.engine': 'postgres',
      team: '$PATH',
      'dataclone.clone': '',
      'dataclone.network': 'x',
    },
  },
  rootfs: { type: 'layers', diff_ids: ['sha256:a', 'sha256:b'] },
  history: [{ created: '2026-01-01T00:00:00.000Z' }, { created: '2026-01-01T00:00:00.000Z' }],
};

describe('the configuration clone save writes', () => {
  it('is the data image configuration with the new layer: no clone variable, no clone label, no container config', () => {
    const saved = savedImageConfig(data, ['sha256:a', 'sha256:b', 'sha256:c'], {
      name: 'mine',
      image: 'shop:1',
    });
    expect(saved.config.Env).toEqual(['PATH=/usr/bin']);
    expect(saved.config.Labels).toEqual({
      'dataclone.engine': 'postgres',
      team: '$PATH',
      'dataclone.built': saved.created,
      'dataclone.saved-from': 'mine (shop:1)',
    });
    expect(saved.rootfs.diff_ids).toEqual(['sha256:a', 'sha256:b', 'sha256:c']);
    expect(saved.history).toHaveLength(3);
    expect(saved.history[2]).toMatchObject({ created_by: 'dataclone clone save mine' });
    expect(saved).not.toHaveProperty('container_config');
  });

  it('refuses layers that do not continue the data image', () => {
    expect(() => savedImageConfig(data, ['sha256:x', 'sha256:c'], { name: 'mine', image: 'shop:1' })).toThrow(
      "clone mine: its committed layers do not start with its image's",
    );
  });
});

describe('history entries read back from the history API', () => {
  const line = (CreatedBy: string, Size: number) => ({
    Created: 1_700_000_000,
    CreatedBy,
    Comment: '',
    Size,
  });

  it('mark lines without a layer as empty, keeping a layer of size 0 made by a command', () => {
    // Newest first, as the API lists them.
    const lines = [
      line('tail -f /dev/null', 0),
      line('/bin/sh -c #(nop)  CMD ["sh"]', 0),
      line('ADD rootfs /', 5),
    ];
    expect(historyEntries(lines, 2)).toEqual([
      { created: '2023-11-14T22:13:20.000Z', created_by: 'ADD rootfs /' },
      { created: '2023-11-14T22:13:20.000Z', created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
      { created: '2023-11-14T22:13:20.000Z', created_by: 'tail -f /dev/null' },
    ]);
  });

  it('fall back to one plain entry per layer when the lines cannot match the layers', () => {
    expect(historyEntries([line('ENV A=1', 0)], 2)).toEqual([
      { created: '1970-01-01T00:00:00.000Z' },
      { created: '1970-01-01T00:00:00.000Z' },
    ]);
  });
});

describe("Docker's containerd image store", () => {
  it('is told from docker info, so clone save commits there instead of loading a config', () => {
    const info = { Driver: 'overlayfs', DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] };
    expect(parseHostFacts(info).containerdImageStore).toBe(true);
    expect(
      parseHostFacts({ Driver: 'overlay2', DriverStatus: [['Backing Filesystem', 'extfs']] }),
    ).not.toHaveProperty('containerdImageStore');
  });
});
