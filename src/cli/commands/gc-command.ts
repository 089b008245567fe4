import { collectGarbage } from '../../gc/collect-garbage.js';
import { stringOption, type Command } from '../command.js';
import { formatTable } from '../table.js';

export const gcCommand: Command = {
  words: ['gc'],
  summary: 'Remove expired clones (and, if asked, old unused data images) from the clone host',
  usage:
    'dataclone gc [--owner <job id>] [--grace <15m>] [--images-older-than <7d> [--images-matching <pattern>]] [--dry-run] [--json]',
  options: {
    owner: { type: 'string' },
    grace: { type: 'string' },
    'images-older-than': { type: 'string' },
    'images-matching': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(input, { host, reporter, print, json }) {
    const result = await collectGarbage({
      host,
      reporter,
      owner: stringOption(input, 'owner'),
      grace: stringOption(input, 'grace'),
      imagesOlderThan: stringOption(input, 'images-older-than'),
      imagesMatching: stringOption(input, 'images-matching'),
      dryRun: input.values['dry-run'] === true,
    });
    if (json) print(JSON.stringify(result, null, 2));
    else {
      const rows = [
        ...result.removed.map((d) => [d.name, result.dryRun ? 'would remove' : 'removed', d.reason]),
        ...result.kept.map((d) => [d.name, 'kept', d.reason]),
        ...result.removedImages.map((image) => [
          image,
          result.dryRun ? 'would remove' : 'removed',
          'unused data image',
        ]),
      ];
      if (rows.length) print(formatTable(['CLONE OR IMAGE', 'ACTION', 'WHY'], rows));
    }
    return 0;
  },
};
