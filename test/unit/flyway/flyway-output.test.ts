import { describe, expect, it } from 'vitest';
import { parseMigrateOutput } from '../../../src/flyway/flyway-output.js';
import { interpretOutput } from '../../../src/flyway/run-flyway.js';

const SUCCESS = JSON.stringify({
  warnings: [],
  targetSchemaVersion: '3',
  success: true,
  schemaName: 'public',
  operation: 'migrate',
  migrationsExecuted: 2,
  migrations: [
    {
      version: '2',
      type: 'SQL',
      filepath: '/m/V2__a.sql',
      executionTime: 12,
      description: 'add a',
      category: 'Versioned',
    },
    {
      version: '3',
      type: 'SQL',
      filepath: '/m/V3__b.sql',
      executionTime: 7,
      description: 'add b',
      category: 'Versioned',
    },
  ],
  initialSchemaVersion: '1',
  flywayVersion: '11.0.0',
});

describe('parseMigrateOutput', () => {
  it('reads a successful migrate result, whatever the key order', () => {
    expect(parseMigrateOutput(SUCCESS, 'orders', 900)).toEqual({
      database: 'orders',
      success: true,
      initialSchemaVersion: '1',
      targetSchemaVersion: '3',
      migrationsExecuted: 2,
      migrations: [
        {
          version: '2',
          description: 'add a',
          category: 'Versioned',
          type: 'SQL',
          executionTimeMs: 12,
          filepath: '/m/V2__a.sql',
        },
        {
          version: '3',
          description: 'add b',
          category: 'Versioned',
          type: 'SQL',
          executionTimeMs: 7,
          filepath: '/m/V3__b.sql',
        },
      ],
      warnings: [],
      error: undefined,
      flywayVersion: '11.0.0',
      durationMs: 900,
    });
  });

  it('reads repeatable migrations as Flyway prints them: version "", and no target version when only they ran', () => {
    const output = JSON.stringify({
      initialSchemaVersion: '3',
      targetSchemaVersion: null,
      migrationsExecuted: 1,
      migrations: [
        {
          category: 'Repeatable',
          version: '',
          description: 'create functions',
          type: 'SQL',
          filepath: '/m/R__create_functions.sql',
          executionTime: 5,
          rolledBack: false,
        },
      ],
      success: true,
    });
    expect(parseMigrateOutput(output, 'orders', 1)).toMatchObject({
      initialSchemaVersion: '3',
      targetSchemaVersion: undefined,
      migrations: [{ version: '', description: 'create functions', category: 'Repeatable' }],
    });
  });

  it('reads a migrate result that failed part way, keeping what did run', () => {
    const output = JSON.stringify({
      success: false,
      migrationsExecuted: 1,
      migrations: [{ version: '2', description: 'ok', category: 'Versioned', type: 'SQL', executionTime: 3 }],
      error: { errorCode: 'FAILED_VERSIONED_MIGRATION', message: 'Migration V3__bad.sql failed' },
    });
    expect(parseMigrateOutput(output, 'orders', 1)).toMatchObject({
      success: false,
      migrationsExecuted: 1,
      error: { code: 'FAILED_VERSIONED_MIGRATION', message: 'Migration V3__bad.sql failed' },
    });
  });

  it('reads an error alone', () => {
    const output = '{"error":{"errorCode":"DB_CONNECTION","message":"Unable to obtain connection"}}';
    expect(parseMigrateOutput(output, 'orders', 1)).toMatchObject({
      success: false,
      migrations: [],
      error: { code: 'DB_CONNECTION' },
    });
  });

  it('reads the last result of several commands', () => {
    const output = JSON.stringify({ individualResults: [{ operation: 'info' }, JSON.parse(SUCCESS)] });
    expect(parseMigrateOutput(output, 'orders', 1)?.migrationsExecuted).toBe(2);
  });

  it('finds nothing in text that is not JSON', () => {
    expect(parseMigrateOutput('Flyway Community Edition\nERROR: boom', 'orders', 1)).toBeUndefined();
  });
});

describe('interpretOutput', () => {
  it('fails with a clear error when Flyway printed no JSON', () => {
    expect(() => interpretOutput('/usr/bin/flyway', 'orders', 1, 'Exception in thread main', 5)).toThrow(
      /printed no JSON result for database orders \(exit code 1\)/,
    );
  });

  it('says so on a licence failure (exit code 35)', () => {
    expect(() => interpretOutput('flyway', 'orders', 35, '', 5)).toThrow(/licence failure/);
  });

  it('counts a non-zero exit as a failure even when the JSON says success', () => {
    expect(interpretOutput('flyway', 'orders', 1, SUCCESS, 5)).toMatchObject({
      success: false,
      error: { code: 'ERROR' },
    });
  });
});
