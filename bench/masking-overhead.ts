/**
 * What masking costs: the generated dataset's big table (bench/datasets.ts, 8,000 rows per MB),
 * built once without mask rules and once with three of its columns masked (kind: first-name,
 * payload: email, account: noise). Reports the table's restore time, the masking step's time
 * and rows per second, the masking time as a share of the restore time (the goal: at most
 * 100 %), and the extra disk masking leaves in the image (the goal: at most one copy of the
 * table).
 *
 *   node --import tsx bench/masking-overhead.ts
 *   MASK_BENCH_SIZE_MB=100 MASK_BENCH_ENGINES=postgres,mariadb node --import tsx bench/masking-overhead.ts
 *
 * Removes every image and folder it made, also when interrupted.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import { DockerHost } from '../src/docker/docker-host.js';
import { buildImage, type BuiltImage } from '../src/images/build-image.js';
import { generatedDataset, type Dataset } from './datasets.js';
import { log } from './stats.js';

const SIZE_MB = Number(process.env.MASK_BENCH_SIZE_MB ?? 1024);
const ENGINES = (process.env.MASK_BENCH_ENGINES ?? 'postgres')
  .split(',')
  .filter(Boolean) as Dataset['engine'][];

const RULES = `mask:
  rules:
    events:
      events:
        kind: first-name
        payload: email
        account: { strategy: noise, amount: 10 }
`;

async function main(): Promise<void> {
  const host = new DockerHost();
  await host.ping();
  const made: { datasets: Dataset[]; images: string[] } = { datasets: [], images: [] };
  const cleanup = async () => {
    for (const image of made.images) await host.removeImage(image).catch(() => {});
    for (const dataset of made.datasets) await dataset.cleanup?.();
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const engine of ENGINES) await measure(host, engine, made);
  } finally {
    await cleanup();
  }
}

async function measure(
  host: DockerHost,
  engine: Dataset['engine'],
  made: { datasets: Dataset[]; images: string[] },
) {
  const dataset = await generatedDataset(engine, SIZE_MB);
  made.datasets.push(dataset);
  const build = async (masked: boolean): Promise<BuiltImage> => {
    const tag = `dataclone-bench/masking-${engine}:${process.pid}-${masked ? 'masked' : 'plain'}`;
    made.images.push(tag);
    log(`${engine} ${SIZE_MB} MB: building ${masked ? 'with' : 'without'} mask rules`);
    return buildImage({
      host,
      reporter: silentReporter,
      definition: await loadImageDefinition(dataset.definition),
      tag,
      env: { DATACLONE_MASK_SECRET: 'bench' },
    });
  };
  const plain = await build(false);
  await writeFile(dataset.definition, `${await readFile(dataset.definition, 'utf8')}${RULES}`);
  const masked = await build(true);
  const step = (image: BuiltImage, name: string) => image.steps.find((s) => s.step === name)?.durationMs ?? 0;
  const restoreMs = step(masked, 'restore events');
  const maskMs = step(masked, 'mask');
  const rows = dataset.rows ?? 0;
  const extraBytes = masked.sizeBytes - plain.sizeBytes;
  const figures = {
    engine,
    sizeMb: SIZE_MB,
    rows,
    columns: 3,
    restoreMs,
    maskMs,
    rowsPerSecond: Math.round(rows / (maskMs / 1000)),
    maskShareOfRestore: Number((maskMs / restoreMs).toFixed(2)),
    addedBuildMs: masked.durationMs - plain.durationMs,
    imageBytesPlain: plain.sizeBytes,
    imageBytesMasked: masked.sizeBytes,
    extraBytes,
    extraShareOfPlainImage: Number((extraBytes / plain.sizeBytes).toFixed(2)),
    maskPhasesMs: masked.masking?.phasesMs,
    steps: masked.steps,
  };
  log(
    `${engine} ${SIZE_MB} MB (${rows} rows, 3 columns): restore ${restoreMs} ms, mask ${maskMs} ms (${figures.rowsPerSecond} rows/s, ${Math.round(figures.maskShareOfRestore * 100)} % of the restore), build +${figures.addedBuildMs} ms, image +${Math.round(extraBytes / 2 ** 20)} MB (${Math.round(figures.extraShareOfPlainImage * 100)} % of ${Math.round(plain.sizeBytes / 2 ** 20)} MB); phases ${JSON.stringify(masked.masking?.phasesMs)}`,
  );
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
