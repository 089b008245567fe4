import { describe, expect, it } from 'vitest';
import { pushedDigest } from '../../../src/docker/docker-host.js';

const DIGEST = `sha256:${'17b185dd'.repeat(8)}`;

describe('the digest a push reports', () => {
  it('is read from the aux event of the classic image store', () => {
    expect(
      pushedDigest([
        { status: 'The push refers to repository [127.0.0.1:5000/shop]' },
        { status: `1: digest: ${DIGEST} size: 528` },
        { progressDetail: {}, aux: { Tag: '1', Digest: DIGEST } },
      ]),
    ).toBe(DIGEST);
  });

  it("is read from the closing status line when there is no aux event (Docker 28's containerd image store)", () => {
    expect(
      pushedDigest([
        { status: 'The push refers to repository [127.0.0.1:5000/shop]' },
        { id: 'a1b2c3', status: 'Pushed', progressDetail: {} },
        { status: `1: digest: ${DIGEST} size: 402` },
      ]),
    ).toBe(DIGEST);
  });

  it('is empty when the stream names none', () => {
    expect(pushedDigest([{ status: 'The push refers to repository [127.0.0.1:5000/shop]' }])).toBe('');
  });
});
