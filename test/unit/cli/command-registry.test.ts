import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/main.js';

describe('the CLI command registry', () => {
  it.each(COMMANDS.map((entry) => [entry.words.join(' '), entry] as const))(
    "'%s' loads the command of those words",
    async (_words, entry) => {
      expect((await entry.load()).words).toEqual(entry.words);
    },
  );
});
