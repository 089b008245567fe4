import { describe, expect, it } from 'vitest';
import { flywayInvocation, type FlywayTarget } from '../../../src/flyway/flyway-invocation.js';

const target: FlywayTarget = {
  database: 'orders',
  jdbcUrl: 'jdbc:postgresql://127.0.0.1:54321/orders',
  user: 'postgres',
  password: 's3cretPassw0rd',
  locations: ['/repo/db/orders', '/repo/db/shared'],
};

describe('flywayInvocation', () => {
  it('asks for JSON output and logs, names the database, and keeps the password out of the arguments', () => {
    const { args, env } = flywayInvocation(target, {});
    expect(args).toEqual([
      '-outputType=json',
      '-outputLogsInJson=true',
      '-skipCheckForUpdate',
      '-url=jdbc:postgresql://127.0.0.1:54321/orders',
      '-user=postgres',
      '-locations=filesystem:/repo/db/orders,filesystem:/repo/db/shared',
      '-baselineOnMigrate=true',
      'migrate',
    ]);
    expect(args.join(' ')).not.toContain(target.password);
    expect(env).toEqual({ FLYWAY_PASSWORD: target.password });
  });

  it.each([
    [{ configFiles: ['/repo/flyway.toml'] }, '-configFiles=/repo/flyway.toml'],
    [{ workingDirectory: '/repo' }, '-workingDirectory=/repo'],
    [{ placeholders: { tenant: 'acme' } }, '-placeholders.tenant=acme'],
    [{ extraArgs: ['-connectRetries=3'] }, '-connectRetries=3'],
  ])('passes the user settings %j on', (settings, expected) => {
    expect(flywayInvocation(target, settings).args).toContain(expected);
  });

  it('leaves baselining off when asked', () => {
    expect(flywayInvocation(target, { baselineOnMigrate: false }).args).not.toContain(
      '-baselineOnMigrate=true',
    );
  });

  it.each([['-url=jdbc:postgresql://elsewhere/db'], ['-password=x'], ['-USER=x']])(
    'refuses %s among the extra arguments',
    (arg) => {
      expect(() => flywayInvocation(target, { extraArgs: [arg] })).toThrow(/cannot be given/);
    },
  );

  it('refuses a mix of flyway.toml and flyway.conf files, as Flyway does', () => {
    expect(() => flywayInvocation(target, { configFiles: ['/a/flyway.toml', '/a/flyway.conf'] })).toThrow(
      /mix flyway\.toml and flyway\.conf/,
    );
  });
});
