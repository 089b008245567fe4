/** What one `flyway migrate` did to one database. */
export interface MigrationResult {
  database: string;
  success: boolean;
  initialSchemaVersion?: string;
  targetSchemaVersion?: string;
  migrationsExecuted: number;
  migrations: AppliedMigration[];
  warnings: string[];
  /** Flyway's own error code and message, when it failed. */
  error?: { code: string; message: string };
  flywayVersion?: string;
  durationMs: number;
}

export interface AppliedMigration {
  version: string;
  description: string;
  category: string;
  type: string;
  executionTimeMs: number;
  filepath?: string;
}

/**
 * Reads the one JSON document `flyway -outputType=json migrate` prints, in either failure shape
 * (a migrate result with success:false and an error, or an error alone). Key order is not relied
 * on. Returns undefined when stdout holds no JSON document at all.
 */
export function parseMigrateOutput(
  stdout: string,
  database: string,
  durationMs: number,
): MigrationResult | undefined {
  const document = parseJson(stdout);
  if (!document) return undefined;
  const result = (
    Array.isArray(document.individualResults) ? document.individualResults.at(-1) : document
  ) as Record<string, unknown>;
  const error = objectOf(result.error) ?? objectOf(document.error);
  const migrations = Array.isArray(result.migrations)
    ? result.migrations.map(objectOf).filter(isDefined)
    : [];
  return {
    database,
    success: !error && result.success !== false,
    initialSchemaVersion: stringOf(result.initialSchemaVersion),
    targetSchemaVersion: stringOf(result.targetSchemaVersion),
    migrationsExecuted:
      typeof result.migrationsExecuted === 'number' ? result.migrationsExecuted : migrations.length,
    migrations: migrations.map((m) => ({
      version: stringOf(m.version) ?? '',
      description: stringOf(m.description) ?? '',
      category: stringOf(m.category) ?? '',
      type: stringOf(m.type) ?? '',
      executionTimeMs: typeof m.executionTime === 'number' ? m.executionTime : 0,
      filepath: stringOf(m.filepath),
    })),
    warnings: Array.isArray(result.warnings) ? result.warnings.map(String) : [],
    error: error
      ? { code: stringOf(error.errorCode) ?? 'ERROR', message: stringOf(error.message) ?? 'Flyway failed' }
      : undefined,
    flywayVersion: stringOf(result.flywayVersion),
    durationMs,
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return undefined;
  try {
    return objectOf(JSON.parse(text.slice(start, end + 1)));
  } catch {
    return undefined;
  }
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
