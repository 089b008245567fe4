import tarStream from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../../src/clones/create-clone.js';
import { listClones } from '../../../src/clones/read-clone.js';
import { removeClone } from '../../../src/clones/remove-clone.js';
import { resetClone } from '../../../src/clones/reset-clone.js';
import { saveClone } from '../../../src/clones/save-clone.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { CLONE_LABELS } from '../../../src/docker/labels.js';
import { buildImage } from '../../../src/images/build-image.js';
import { pullImage, pushImage } from '../../../src/images/registry.js';
import { writeDefinitionFolder } from '../../support/fixtures.js';
import { query } from '../../support/query.js';
import { startRegistry, type TestRegistry } from '../../support/registry.js';
import { useTestHost } from '../../support/test-host.js';

const t = useTestHost();
/** An environment entry of a clone, as an image config's Env lists it: "DATACLONE_PASSWORD=...". */
const CLONE_VARIABLE = /"DATACLONE_[A-Z_]*=/;
let image: string;

beforeAll(async () => {
  const folder = await writeDefinitionFolder({
    'dataclone.yaml':
      'name: saved-secrets\nengine: postgres\nversion: "15"\ndatabases:\n  - name: app\n    source: app.sql\n',
    'app.sql':
      'CREATE TABLE notes (id int PRIMARY KEY, text text);\nINSERT INTO notes VALUES (1, $$one$$);\n',
  });
  try {
    image = t.imageTag('saved-secrets');
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: image,
    });
  } finally {
    await folder.remove();
  }
});

afterAll(() => t.cleanup());

/** Every JSON file of `docker save`'s archive (the config blob, the manifest, the layers' json). */
async function savedArchiveJson(reference: string): Promise<string[]> {
  const archive = (await t.docker.getImage(reference).get()) as NodeJS.ReadableStream;
  const extract = tarStream.extract();
  const texts: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      const isJson = header.name.endsWith('.json') || header.name.endsWith('/json');
      stream.on('data', (chunk) => {
        if (isJson) chunks.push(chunk as Buffer);
      });
      stream.on('end', () => {
        if (isJson) texts.push(Buffer.concat(chunks).toString('utf8'));
        next();
      });
      stream.resume();
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  archive.pipe(extract);
  await done;
  return texts;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The config blob a registry holds for a tag (through an index, as a containerd store pushes). */
async function registryConfigBlob(registry: TestRegistry, name: string, reference: string): Promise<string> {
  const authorization = `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`;
  const base = `http://${registry.address}/v2/${name}`;
  const get = (path: string, accept?: string) =>
    fetch(`${base}/${path}`, { headers: { authorization, ...(accept ? { accept } : {}) } });
  let manifest = (await (await get(`manifests/${reference}`, MANIFEST_TYPES)).json()) as {
    config?: { digest: string };
    manifests?: { digest: string; platform?: { os?: string } }[];
  };
  const inner = manifest.manifests?.find((entry) => entry.platform?.os === 'linux');
  if (inner)
    manifest = (await (await get(`manifests/${inner.digest}`, MANIFEST_TYPES)).json()) as typeof manifest;
  return (await get(`blobs/${manifest.config?.digest ?? ''}`)).text();
}

describe('an image made by clone save', () => {
  it('carries no password and no environment of the clone: not in inspect, history or the saved config', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    const stash = t.imageTag('saved-secrets-stash');
    try {
      await query(clone, 'app', "INSERT INTO notes VALUES (2, 'two')");
      const password = clone.connection.password;
      await saveClone({ host: t.host, reporter: t.reporter, name: clone.name, tag: stash });

      const inspected = await t.docker.getImage(stash).inspect();
      expect(JSON.stringify(inspected)).not.toContain(password);
      // The start script names the variables; no environment entry sets one.
      expect(JSON.stringify(inspected)).not.toMatch(CLONE_VARIABLE);
      expect(inspected.ContainerConfig?.Env ?? []).toEqual([]);
      const history = JSON.stringify(await t.docker.getImage(stash).history());
      expect(history).not.toContain(password);
      expect(history).not.toMatch(CLONE_VARIABLE);
      const archived = await savedArchiveJson(stash);
      expect(archived.length).toBeGreaterThanOrEqual(2);
      for (const text of archived) {
        expect(text).not.toContain(password);
        expect(text).not.toMatch(CLONE_VARIABLE);
      }

      // It is still a data image whose clones hold the saved state.
      const { clone: fromStash } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: stash,
        owner: t.owner,
      });
      expect(await query(fromStash, 'app', 'SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 2 }]);
      await removeClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('goes through a registry and back: the config blob the registry holds carries no password either', async () => {
    const registry = await startRegistry();
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    const reference = `${registry.address}/dataclone-test/saved-secrets:${t.owner}`;
    const credentials = { user: registry.user, password: registry.password };
    try {
      await query(clone, 'app', "INSERT INTO notes VALUES (3, 'three')");
      await saveClone({ host: t.host, reporter: t.reporter, name: clone.name, tag: reference });
      await pushImage({ host: t.host, reporter: t.reporter, reference, credentials });

      const config = await registryConfigBlob(registry, 'dataclone-test/saved-secrets', t.owner);
      expect(config).toContain('"dataclone.engine":"postgres"');
      expect(config).not.toContain(clone.connection.password);
      expect(config).not.toMatch(CLONE_VARIABLE);
      expect(config).not.toContain('container_config');

      await t.host.removeImage(reference);
      await pullImage({ host: t.host, reporter: t.reporter, reference, credentials });
      const { clone: pulled } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: reference,
        owner: t.owner,
      });
      expect(await query(pulled, 'app', 'SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 2 }]);
      await removeClone({ host: t.host, reporter: t.reporter, name: pulled.name });
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
      await t.host.removeImage(reference).catch(() => {});
      await registry.stop();
    }
  });

  it('has no clone labels at all, so its standby servers are not taken for clones', async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      owner: t.owner,
      standby: true,
    });
    const stash = t.imageTag('saved-secrets-phantoms');
    try {
      await saveClone({ host: t.host, reporter: t.reporter, name: clone.name, tag: stash });
      const labels = (await t.docker.getImage(stash).inspect()).Config.Labels ?? {};
      for (const key of CLONE_LABELS) expect(labels).not.toHaveProperty(key);

      const { clone: fromStash } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: stash,
        owner: t.owner,
        standby: true,
      });
      const names = (await listClones(t.host, t.owner)).map((listed) => listed.name).sort();
      expect(names).toEqual([clone.name, fromStash.name].sort());
      await resetClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
      await removeClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('a container whose clone label is empty, or names another container, is no clone', async () => {
    const ids: string[] = [];
    try {
      for (const [name, cloneLabel] of [
        [`${t.cloneName('empty')}`, ''],
        [`${t.cloneName('other')}`, 'someone-else'],
      ] as const) {
        const container = await t.docker.createContainer({
          name,
          Image: image,
          Labels: { 'dataclone.owner': t.owner, 'dataclone.clone': cloneLabel },
        });
        ids.push(container.id);
      }
      expect(await listClones(t.host, t.owner)).toEqual([]);
    } finally {
      for (const id of ids) await t.docker.getContainer(id).remove({ force: true, v: true });
    }
  });
});
