import { loadImageDefinition } from '../../definition/load-image-definition.js';
import { buildImage, seconds } from '../../images/build-image.js';
import { removeImages } from '../../images/remove-images.js';
import { Labels } from '../../docker/labels.js';
import { classifyImage, type ImageClassification } from '../../masking/classify/classify-image.js';
import { suggestedRules, suggestedRuleSet } from '../../masking/classify/classify-instance.js';
import { stringOption, type Command } from '../command.js';
import { formatBytes } from '../terminal-reporter.js';
import { formatTable } from '../table.js';
import { UsageError } from '../usage-error.js';
import { MASKING_COLUMNS, maskingLine, maskingRows } from '../../report/masking-summary.js';

export const imageBuild: Command = {
  words: ['image', 'build'],
  summary: 'Build a data image from an image definition',
  usage: 'dataclone image build -f dataclone.yaml [--tag <image:tag>] [--network <docker network>] [--json]',
  options: {
    file: { type: 'string', short: 'f' },
    tag: { type: 'string', short: 't' },
    network: { type: 'string' },
  },
  async run(input, { host, reporter, print, json }) {
    const file = stringOption(input, 'file');
    if (!file) throw new UsageError('image build: -f/--file is required', this.usage);
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    try {
      const definition = await loadImageDefinition(file);
      const built = await buildImage({
        host,
        reporter,
        definition,
        tag: stringOption(input, 'tag'),
        network: stringOption(input, 'network'),
        signal: controller.signal,
      });
      if (json) {
        print(
          JSON.stringify(
            {
              image: built.tag,
              imageId: built.imageId,
              engine: built.definition.engine,
              version: built.definition.version,
              databases: built.databases,
              digest: built.definition.digest,
              sizeBytes: built.sizeBytes,
              durationMs: built.durationMs,
              steps: built.steps,
              ...(built.masking && { masking: built.masking }),
            },
            null,
            2,
          ),
        );
      } else {
        print(`${built.tag}  ${built.imageId}`);
        print(
          formatTable(
            ['STEP', 'TIME'],
            built.steps.map((step) => [step.step, seconds(step.durationMs)]),
          ),
        );
        print(`total ${seconds(built.durationMs)}, image size ${formatBytes(built.sizeBytes)}`);
        if (built.masking) {
          print(maskingLine(built.masking));
          print(formatTable(MASKING_COLUMNS, maskingRows(built.masking)));
        }
      }
      return 0;
    } finally {
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
    }
  },
};

export const imageClassify: Command = {
  words: ['image', 'classify'],
  summary: 'Find the columns of a data image that look personal, and print mask: rules for them',
  usage: 'dataclone image classify [<image:tag>] [--definition dataclone.yaml] [--json]',
  options: { definition: { type: 'string', short: 'f' } },
  positionals: { min: 0, max: 1, names: '<image:tag>' },
  async run(input, { host, reporter, print, json }) {
    const file = stringOption(input, 'definition');
    const definition = file ? await loadImageDefinition(file) : undefined;
    // Without an image, the one the definition builds by default.
    const image = input.positionals[0] ?? (definition && `dataclone/${definition.name}:latest`);
    if (!image) throw new UsageError('image classify: name an image, or give --definition', this.usage);
    return untilInterrupted(async (signal) => {
      const classification = await classifyImage({
        host,
        reporter,
        image,
        rules: definition?.mask?.rules,
        signal,
      });
      print(
        json
          ? JSON.stringify(classificationJson(classification), null, 2)
          : classificationText(classification),
      );
      return 0;
    });
  },
};

/**
 * Runs `work` with a signal that Ctrl-C (or SIGTERM) aborts, so that it removes what it made
 * (a build container, a temporary clone) before the command ends.
 */
async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}

function classificationJson(classification: ImageClassification) {
  return {
    ...classification,
    rules: suggestedRuleSet(classification),
    yaml: suggestedRules(classification),
  };
}

/** The rules to paste, under a comment that says what was scanned, and the covered columns after. */
function classificationText(classification: ImageClassification): string {
  const { suspects, covered } = classification;
  const lines = [
    `# dataclone image classify ${classification.image}: ${classification.columns} column(s) of ${classification.tables} table(s) in ${classification.databases.length} database(s); ${suspects.length} look personal and have no rule${covered.length > 0 ? `, ${covered.length} have one` : ''}`,
    suggestedRules(classification),
  ];
  if (covered.length > 0) {
    lines.push("# covered by the definition's rules:");
    for (const suspect of covered)
      lines.push(`#   ${suspect.database}.${suspect.table}.${suspect.column}: ${suspect.reasons.join('; ')}`);
  }
  return lines.join('\n');
}

export const imageList: Command = {
  words: ['image', 'list'],
  summary: 'List the data images on the Docker host',
  usage: 'dataclone image list [--json]',
  options: {},
  async run(_input, { host, print, json }) {
    await host.ping();
    const images = await host.listImages({ [Labels.engine]: undefined });
    const rows = images.map((image) => ({
      tags: image.tags,
      id: image.id,
      engine: image.labels[Labels.engine] ?? '',
      version: image.labels[Labels.engineVersion] ?? '',
      databases: safeNames(image.labels[Labels.databases]),
      built: image.labels[Labels.built] ?? '',
      sizeBytes: image.sizeBytes,
    }));
    if (json) print(JSON.stringify(rows, null, 2));
    else
      print(
        formatTable(
          ['IMAGE', 'ENGINE', 'DATABASES', 'BUILT', 'SIZE'],
          rows.map((row) => [
            row.tags.join(', ') || row.id.slice(7, 19),
            `${row.engine} ${row.version}`,
            row.databases.join(', '),
            row.built,
            formatBytes(row.sizeBytes),
          ]),
        ),
      );
    return 0;
  },
};

export const imageRemove: Command = {
  words: ['image', 'remove'],
  summary: 'Remove data images; refuses while clones use one, unless --force removes them too',
  usage: 'dataclone image remove <image:tag>... [--force] [--json]',
  options: { force: { type: 'boolean' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: '<image:tag>' },
  async run(input, { host, reporter, print, json }) {
    const removed = await removeImages({
      host,
      reporter,
      references: input.positionals,
      force: input.values.force === true,
    });
    if (json) print(JSON.stringify(removed, null, 2));
    return 0;
  },
};

function safeNames(text: string | undefined): string[] {
  try {
    return text ? (JSON.parse(text) as { name: string }[]).map((db) => db.name) : [];
  } catch {
    return [];
  }
}
