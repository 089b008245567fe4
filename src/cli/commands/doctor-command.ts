import { runDoctor } from '../../doctor/doctor.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

export const doctorCommand: Command = {
  words: ['doctor'],
  summary: 'Check this machine and its Docker Engine before using dataclone',
  usage: 'dataclone doctor [--json]',
  options: {},
  async run(_input, { host, reporter, print, json }) {
    const report = await runDoctor({ host, reporter });
    if (json) print(JSON.stringify(report, null, 2));
    else
      print(
        formatTable(
          ['CHECK', 'STATUS', 'FINDING', 'WHAT TO DO'],
          report.checks.map((check) => [check.name, check.status, check.finding, check.hint ?? '']),
        ),
      );
    return report.success ? 0 : 1;
  },
};
