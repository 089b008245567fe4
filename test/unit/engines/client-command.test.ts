import { describe, expect, it } from 'vitest';
import { engineFor } from '../../../src/engines/index.js';

describe("the engine's own client, as clone connect runs it in a clone", () => {
  const database = `it's "odd"; rm -rf /`;
  const args = ['-c', 'select 1'];

  it.each([
    ['postgres', /psql -h \/tmp -p "\$\{DATACLONE_LISTEN_PORT:-5432\}" -U postgres -d "\$db" "\$@"/],
    ['mariadb', /--protocol=socket --socket=\/tmp\/dataclone-mysqld\.sock -uroot .*--database="\$db" "\$@"/],
    ['mysql', /--protocol=socket --socket=\/tmp\/dataclone-mysqld\.sock -uroot .*--database="\$db" "\$@"/],
  ])(
    '%s: logs in over the socket, with the database and the arguments as arguments, never as shell text',
    (name, login) => {
      const [shell, flag, script, argv0, ...rest] = engineFor(name).clientCommand(database, args);
      expect([shell, flag, argv0]).toEqual(['sh', '-c', 'sh']);
      expect(script).toMatch(login);
      expect(rest).toEqual([database, ...args]);
      // No password anywhere: the socket login needs none.
      expect(script).not.toMatch(/password|MYSQL_PWD|\s-p\w/i);
    },
  );

  it('mariadb and mysql: whichever client the image has', () => {
    const [, , script] = engineFor('mariadb').clientCommand('shop', []);
    expect(script).toContain('CLIENT=$(command -v mariadb || command -v mysql)');
  });
});
