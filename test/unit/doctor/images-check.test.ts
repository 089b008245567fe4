import { describe, expect, it } from 'vitest';
import { classifyImages } from '../../../src/doctor/images-check.js';

const image = (tags: string[], labels: Record<string, string> = {}, id = `sha256:${'ab'.repeat(32)}`) => ({
  id,
  tags,
  labels,
});
const dataImage = (tags: string[]) => image(tags, { 'dataclone.engine': 'postgres' });

describe('classifyImages', () => {
  it('lists the data images and the official base images, and is ok with any base image', () => {
    const check = classifyImages([
      image(['postgres:15']),
      image(['docker.io/library/mariadb:10.11']),
      image(['redgate/flyway:latest']),
      image(['postgres-exporter:1']),
      dataImage(['dataclone/sample-shop:demo']),
      dataImage([]),
    ]);
    expect(check.status).toBe('ok');
    expect(check.details).toEqual({
      dataImages: ['dataclone/sample-shop:demo'],
      untaggedDataImages: 1,
      baseImages: ['mariadb:10.11', 'postgres:15'],
    });
    expect(check.finding).toBe(
      'base images: mariadb:10.11, postgres:15; data images: dataclone/sample-shop:demo (and 1 untagged)',
    );
  });

  it('does not count a data image tagged like an official one as a base image', () => {
    const check = classifyImages([dataImage(['postgres:custom'])]);
    expect(check.details?.baseImages).toEqual([]);
    expect(check.status).toBe('warn');
  });

  it('warns when no base image is here, with how to get one', () => {
    const check = classifyImages([image(['node:20'])]);
    expect(check.status).toBe('warn');
    expect(check.finding).toBe('no postgres, mysql, mariadb base image; data images: none yet');
    expect(check.hint).toContain('docker pull postgres:15');
    expect(check.hint).toContain('bash scripts/test-bed.sh');
  });

  it('shortens a long list', () => {
    const tags = [
      'postgres:12',
      'postgres:13',
      'postgres:14',
      'postgres:15',
      'postgres:16',
      'postgres:17',
      'postgres:18',
    ];
    expect(classifyImages([image(tags)]).finding).toContain(
      'base images: postgres:12, postgres:13, postgres:14, postgres:15, postgres:16 and 2 more;',
    );
  });
});
