/**
 * Pull time of a data image whose data layer is gzip (as `docker push` writes it) against the
 * same image with that layer recompressed as zstd, on Docker 28 from the sid chroot
 * (test/support/current-docker-engine.ts), from a registry on 127.0.0.1 (issue 15, item 2).
 * Measured by hand, not part of `npm run bench`:
 *
 *   node --import tsx bench/zstd-pull.ts [size-mb=100] [runs=5] [classic|containerd]
 *
 * The zstd image is made through the registry API: the data layer's blob is fetched, gunzipped
 * and compressed with the zstd CLI (level 3, Debian's zstd), uploaded, and an OCI manifest naming
 * it (mediaType ...tar+zstd; the config, and so the image ID and diff_ids, unchanged) is put
 * under another tag. Each run removes the data image (the base image stays) and pulls it again;
 * the pull is timed to the engine's answer, then `sync` separately.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DockerHost } from '../src/docker/docker-host.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import { buildImage } from '../src/images/build-image.js';
import { pushImage, registryAuth } from '../src/images/registry.js';
import { startCurrentDockerEngine } from '../test/support/current-docker-engine.js';
import { RecordingReporter } from '../test/support/recording-reporter.js';
import { startRegistry } from '../test/support/registry.js';
import { generatedDataset } from './datasets.js';

const sizeMb = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 5);
const containerdSnapshotter = process.argv[4] === 'containerd';
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const engine = await startCurrentDockerEngine(['postgres:15'], { containerdSnapshotter });
const registry = await startRegistry();
const dataset = await generatedDataset('postgres', sizeMb);
try {
  const host = new DockerHost(engine.docker, 'the Docker 28 bench engine');
  const reporter = new RecordingReporter();
  const tag = `dataclone-bench/${dataset.name}:1`;
  let started = performance.now();
  await buildImage({ host, reporter, definition: await loadImageDefinition(dataset.definition), tag });
  log(`built ${tag} in ${ms(started)} ms, ${mb((await host.inspectImage(tag))?.sizeBytes ?? 0)} MB`);

  const repository = `dataclone-bench/${dataset.name}`;
  const gzipRef = `${registry.address}/${repository}:gzip`;
  await host.tagImage(tag, gzipRef);
  const credentials = { user: registry.user, password: registry.password };
  started = performance.now();
  await pushImage({ host, reporter, reference: gzipRef, credentials });
  log(`pushed in ${ms(started)} ms`);

  const auth = `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://${registry.address}/v2/${repository}/${path}`, {
      ...init,
      headers: { Authorization: auth, ...(init.headers as Record<string, string>) },
    });
  const accept =
    'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
  const manifest = (await (await api('manifests/gzip', { headers: { Accept: accept } })).json()) as Manifest;
  const data = manifest.layers.at(-1)!;
  log(
    `manifest ${manifest.mediaType}, ${manifest.layers.length} layers, data layer ${mb(data.size)} MB gzip`,
  );
  const gzipBlob = Buffer.from(await (await api(`blobs/${data.digest}`)).arrayBuffer());
  started = performance.now();
  const tarBlob = execFileSync('gzip', ['-dc'], { input: gzipBlob, maxBuffer: 2 ** 32 });
  const zstdBlob = execFileSync('zstd', ['-3', '-T0', '-c', '-q'], { input: tarBlob, maxBuffer: 2 ** 32 });
  log(
    `data layer: ${mb(tarBlob.length)} MB tar, ${mb(zstdBlob.length)} MB zstd (recompressed in ${ms(started)} ms)`,
  );
  for (const [tool, args, blob] of [
    ['gzip', ['-dc'], gzipBlob],
    ['unpigz', ['-dc'], gzipBlob],
    ['zstd', ['-dc', '-q'], zstdBlob],
  ] as const) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      started = performance.now();
      execFileSync(tool, args, { input: blob, maxBuffer: 2 ** 32 });
      times.push(ms(started));
    }
    log(`decompressing the data layer with ${tool}: ${summary(times)} ms`);
  }
  const zstdDigest = `sha256:${createHash('sha256').update(zstdBlob).digest('hex')}`;
  const upload = await api('blobs/uploads/', { method: 'POST' });
  const location = new URL(upload.headers.get('location') ?? '', `http://${registry.address}`);
  location.searchParams.set('digest', zstdDigest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/octet-stream' },
    body: zstdBlob,
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  const oci = 'application/vnd.oci.image';
  const zstdManifest = {
    schemaVersion: 2,
    mediaType: `${oci}.manifest.v1+json`,
    config: { ...manifest.config, mediaType: `${oci}.config.v1+json` },
    layers: [
      ...manifest.layers.slice(0, -1).map((layer) => ({ ...layer, mediaType: `${oci}.layer.v1.tar+gzip` })),
      { mediaType: `${oci}.layer.v1.tar+zstd`, digest: zstdDigest, size: zstdBlob.length },
    ],
  };
  const putManifest = await api('manifests/zstd', {
    method: 'PUT',
    headers: { 'Content-Type': `${oci}.manifest.v1+json` },
    body: JSON.stringify(zstdManifest),
  });
  if (putManifest.status !== 201)
    throw new Error(`manifest: ${putManifest.status} ${await putManifest.text()}`);
  const zstdRef = `${registry.address}/${repository}:zstd`;
  log(`pushed ${zstdRef} by hand`);

  const authConfig = registryAuth(gzipRef, credentials, reporter);
  await host.removeImage(tag);
  for (const reference of [gzipRef, zstdRef, gzipRef, zstdRef]) {
    const pulls: number[] = [];
    const syncs: number[] = [];
    for (let run = 0; run < runs; run++) {
      await host.removeImage(gzipRef);
      await host.removeImage(zstdRef);
      execFileSync('sync');
      started = performance.now();
      await host.pullImage(reference, undefined, authConfig);
      pulls.push(ms(started));
      started = performance.now();
      execFileSync('sync');
      syncs.push(ms(started));
    }
    log(`${reference.split(':').at(-1)}: pull ${summary(pulls)} ms, then sync ${summary(syncs)} ms`);
  }
  log(`Docker ${engine.version}, ${containerdSnapshotter ? 'containerd' : 'classic'} image store`);
  // Does `docker push` keep a zstd layer it pulled? (The classic store recompresses as gzip.)
  const repushed = `${registry.address}/${repository}-repushed:1`;
  await host.tagImage(zstdRef, repushed);
  await pushImage({ host, reporter, reference: repushed, credentials });
  const again = (await (
    await fetch(`http://${registry.address}/v2/${repository}-repushed/manifests/1`, {
      headers: { Authorization: auth, Accept: accept },
    })
  ).json()) as Manifest;
  log(
    `zstd image pushed again by the engine: layers ${again.layers.map((layer) => layer.mediaType).join(', ')}`,
  );
  if (process.env.ZSTD_PULL_OLD_ENGINE) {
    // The host's own engine (Docker 20.10 here), asked for the zstd image: what it says.
    const old = new DockerHost(undefined, 'the host Docker Engine');
    log(`host engine ${(await old.facts()).serverVersion}: pulling ${zstdRef}`);
    started = performance.now();
    try {
      await old.pullImage(zstdRef, undefined, authConfig);
      log(`host engine pulled it in ${ms(started)} ms`);
    } catch (error) {
      log(`host engine failed after ${ms(started)} ms: ${String(error)}`);
    } finally {
      await old.removeImage(zstdRef);
    }
  }
} finally {
  await engine.stop();
  await registry.stop();
  await dataset.cleanup?.();
}

interface Manifest {
  mediaType: string;
  config: { mediaType: string; digest: string; size: number };
  layers: Array<{ mediaType: string; digest: string; size: number }>;
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} (min ${sorted[0]}, max ${sorted.at(-1)}; ${values.join(', ')})`;
}
