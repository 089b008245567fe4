import { describe, expect, it } from 'vitest';
import { pushedDigest, unpackedSize } from '../../../src/docker/docker-host.js';

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

describe("an image's size", () => {
  it('is Size on the classic image store, which answers no manifests', () => {
    expect(unpackedSize({ Size: 427_603_546 })).toBe(427_603_546);
  });

  it('is the unpacked size of its image manifest on the containerd image store, whose Size counts the compressed blobs too', () => {
    const manifests = [
      {
        Kind: 'image',
        Available: true,
        Size: { Content: 427_603_546, Total: 872_580_698 },
        ImageData: { Size: { Unpacked: 444_977_152 } },
      },
      { Kind: 'attestation', Available: true, Size: { Content: 900, Total: 900 } },
    ];
    expect(unpackedSize({ Size: 872_580_698, Manifests: manifests })).toBe(444_977_152);
  });

  it('falls back to Size when no manifest of the image is there', () => {
    expect(unpackedSize({ Size: 1000, Manifests: [{ Kind: 'image', Available: false }] })).toBe(1000);
  });
});
