import { describeError } from '../core/errors.js';
import type { ProgressUpdate, Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { pullImage } from '../images/registry.js';
import { readWarmRecord, writeWarmRecord, type WarmImage, type WarmRecord } from './warm-record.js';

/** How often the background process writes its progress into the record. */
const PROGRESS_EVERY_MS = 1000;

/**
 * The background process of a warm step: pulls each pinned image (all at once), writes it to
 * disk, and only then gives it the tag the job named, so that a pull that fails half way leaves
 * no image under that tag. Records progress and the outcome of each image as it goes; its log
 * (standard output) is the file beside the record.
 */
export async function runWarmWorker(host: DockerHost, file: string): Promise<void> {
  const record = await readWarmRecord(file);
  if (!record) throw new Error(`no warm record at ${file}`);
  const writer = new RecordWriter(file, { ...record, pid: process.pid });
  await writer.flush();
  await Promise.all(
    record.images.map((image, index) =>
      image.state === 'pulling' ? pullOne(host, writer, index) : Promise.resolve(),
    ),
  );
  writer.update((current) => ({ ...current, finishedAt: Date.now() }));
  await writer.flush();
}

async function pullOne(host: DockerHost, writer: RecordWriter, index: number): Promise<void> {
  const image = writer.image(index);
  const pinned = image.pinned ?? image.reference;
  const reporter = logReporter((update) => {
    writer.updateImage(index, { done: update.done, total: update.total });
    writer.flushSoon();
  });
  try {
    const pulled = await pullImage({ host, reporter, reference: pinned });
    if (pinned !== image.reference) {
      const id = (await host.inspectImage(pinned))?.id ?? pinned;
      await host.tagImage(id, image.reference);
      reporter.info(`Tagged ${pinned} as ${image.reference}`);
    }
    writer.updateImage(index, { state: 'pulled', pullMs: pulled.pullMs, flushMs: pulled.flushMs });
  } catch (error) {
    const { message, hint } = describeError(error);
    reporter.warn(`${message}${hint ? `\n${hint}` : ''}`);
    writer.updateImage(index, { state: 'failed', error: hint ? { message, hint } : { message } });
  }
  await writer.flush();
}

/** The one writer of the record while the pulls run: updates in memory, written in order. */
class RecordWriter {
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private record: WarmRecord,
  ) {}

  image(index: number): WarmImage {
    const image = this.record.images[index];
    if (!image) throw new Error(`no image ${index} in the warm record`);
    return image;
  }

  update(change: (record: WarmRecord) => WarmRecord): void {
    this.record = change(this.record);
  }

  updateImage(index: number, change: Partial<WarmImage>): void {
    this.update((record) => ({
      ...record,
      images: record.images.map((image, i) => (i === index ? { ...image, ...change } : image)),
    }));
  }

  flushSoon(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, PROGRESS_EVERY_MS);
  }

  flush(): Promise<void> {
    const snapshot = this.record;
    this.writing = this.writing.then(() => writeWarmRecord(this.file, snapshot));
    return this.writing;
  }
}

/** Lines with the time on standard output (the log file), and progress to the record. */
function logReporter(onProgress: (update: ProgressUpdate) => void): Reporter {
  const line = (text: string) => process.stdout.write(`${new Date().toISOString()} ${text}\n`);
  return {
    info: line,
    warn: (message) => line(`warning: ${message}`),
    debug: () => {},
    group: (_title, work) => work(),
    progress: onProgress,
    maskSecret: () => {},
  };
}
