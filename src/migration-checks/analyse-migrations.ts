import type { AppliedMigration } from '../flyway/flyway-output.js';
import type { LockSample, TableState, TableWrites } from './observation.js';

/** What one migration did to the tables of its database, as observed. */
export interface MigrationObservation {
  /** `2 change amount type`, `R views`: as the job summary lists migrations. */
  migration: string;
  durationMs: number;
  /** True for the migration Flyway reported as failed (rolled back where the engine can). */
  failed?: boolean;
  locks: TableLock[];
  rewrites: TableRewrite[];
  /** The rows it inserted, updated and deleted per table; `unknown` where the server cannot say. */
  rowsTouched: TableRowsTouched[] | 'unknown';
}

/** The rows a migration wrote to one table, from the server's counts before and after Flyway. */
export interface TableRowsTouched {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
  /**
   * How the rows were tied to this migration: `only migration` (the only one that ran), `locks`
   * (the only one seen locking the table), `unsure` (one of several; named in `between`).
   */
  attribution: 'only migration' | 'locks' | 'unsure';
  between?: string[];
}

/** The locks one migration held on one table: the strongest mode and how long each was seen. */
export interface TableLock {
  table: string;
  /** The strongest mode seen on the table. */
  mode: string;
  /** How long the strongest mode was seen held: from the first to the last sample showing it. */
  heldMs: number;
  /** The table's rows before migrating (the server's estimate); -1 unknown, 0 for a new table. */
  rows: number;
  modes: { mode: string; heldMs: number; samples: number }[];
  /** The statement running when the strongest mode was first seen. */
  statement?: string;
}

/** A table the migration gave new storage: rewritten (PostgreSQL) or rebuilt/copied (InnoDB). */
export interface TableRewrite {
  table: string;
  bytesBefore: number;
  bytesAfter: number;
  rows: number;
  /** MySQL/MariaDB: a Flyway session was seen in `copy to tmp table` on it (ALGORITHM=COPY). */
  copied: boolean;
  /**
   * How the rewrite was tied to this migration: `history` (the storage changed between two
   * recorded migrations), `exclusive lock` (several migrations ran between two looks, this one
   * held the table's exclusive lock), `statement` (this one was seen altering or copying it),
   * `unsure` (one of several; named in `between`).
   */
  attribution: 'history' | 'exclusive lock' | 'statement' | 'unsure';
  between?: string[];
}

/**
 * The storage of the tables, seen when the history table counted at least `applied` and at most
 * `appliedAfter` (default `applied`) migrations.
 */
export interface StorageCheckpoint {
  applied: number;
  appliedAfter?: number;
  tables: TableState[];
}

export interface ObservedRun {
  /** The migrations Flyway reports it applied, in order. */
  migrations: AppliedMigration[];
  /** The migration that failed, as Flyway names it (its script), when one did. */
  failedMigration?: string;
  /** Migrations recorded in the history table before Flyway started. */
  base: number;
  samples: LockSample[];
  before: TableState[];
  checkpoints: StorageCheckpoint[];
  after: TableState[];
  lockModes: readonly string[];
  exclusiveModes: readonly string[];
  /** False for MySQL/MariaDB, whose DDL commits before Flyway records the migration; default true. */
  storageCommitsWithHistory?: boolean;
  /** The lock modes of statements that write rows; a migration seen holding one wrote the table. */
  rowWriteModes?: readonly string[];
  /** The server's counts of rows written per table before and after Flyway; absent where unknown. */
  writesBefore?: TableWrites[];
  writesAfter?: TableWrites[];
}

/**
 * Ties every sample to the migration that was running (the one after the last recorded in the
 * history table), and every change of a table's storage to the migration(s) between the two
 * looks that saw it, then sums it up per migration.
 */
export function analyseMigrations(run: ObservedRun): MigrationObservation[] {
  const observations: MigrationObservation[] = run.migrations.map((m) => ({
    migration: migrationLabel(m),
    durationMs: m.executionTimeMs,
    locks: [],
    rewrites: [],
    rowsTouched: [],
  }));
  if (run.failedMigration)
    observations.push({
      migration: run.failedMigration,
      durationMs: 0,
      failed: true,
      locks: [],
      rewrites: [],
      rowsTouched: [],
    });
  const rowsBefore = new Map(run.before.map((t) => [t.table, t.rows]));
  const attributions = attributeSamples(run, observations.length);
  const locks = lockSpans(run, attributions);
  for (const [index, tables] of locks) {
    const observation = observations[index];
    if (!observation) continue;
    observation.locks = [...tables].map(([table, modes]) =>
      tableLock(table, modes, rowsBefore, run.lockModes),
    );
  }
  for (const rewrite of storageChanges(run, observations, attributions))
    observations[rewrite.index]?.rewrites.push(rewrite.rewrite);
  markCopies(run, observations, attributions);
  attributeRowsTouched(run, observations);
  return observations;
}

/**
 * The rows written per table during the run (the server's counts after Flyway less those before),
 * each table's tied to the one migration that ran or that was seen holding a row-writing lock on
 * it; with several, to the first of them, marked unsure. The counters say nothing per statement.
 */
function attributeRowsTouched(run: ObservedRun, observations: MigrationObservation[]): void {
  if (!run.writesBefore || !run.writesAfter) {
    for (const observation of observations) observation.rowsTouched = 'unknown';
    return;
  }
  const before = new Map(run.writesBefore.map((w) => [w.table, w]));
  const writeModes = run.rowWriteModes ?? [];
  // A count lower than before started again (MySQL: a table rebuilt by a copy): all of it is new.
  const since = (now: number, was = 0) => (now < was ? now : now - was);
  for (const after of run.writesAfter) {
    const was = before.get(after.table);
    const touched = {
      table: after.table,
      inserted: since(after.inserted, was?.inserted),
      updated: since(after.updated, was?.updated),
      deleted: since(after.deleted, was?.deleted),
    };
    if (touched.inserted + touched.updated + touched.deleted === 0) continue;
    const seen = observations
      .map((observation, index) => ({ observation, index }))
      .filter(({ observation }) =>
        observation.locks.some(
          (lock) => lock.table === after.table && lock.modes.some((m) => writeModes.includes(m.mode)),
        ),
      )
      .map(({ index }) => index);
    const [index, attribution] =
      observations.length === 1
        ? [0, 'only migration' as const]
        : seen.length === 1
          ? [seen[0] ?? 0, 'locks' as const]
          : [seen[0] ?? 0, 'unsure' as const];
    const rows = observations[index]?.rowsTouched;
    if (!Array.isArray(rows)) continue;
    rows.push({
      ...touched,
      attribution,
      ...(attribution === 'unsure' && {
        between: (seen.length ? seen : range(0, observations.length)).map(
          (i) => observations[i]?.migration ?? String(i),
        ),
      }),
    });
  }
}

/** The migration a sample is tied to, and whether that is certain. */
interface SampleAttribution {
  index: number;
  /** The migrations that may have been running when the sample looked. */
  candidates: number[];
  certain: boolean;
}

/**
 * Ties each sample to the migration that was running. The count of recorded migrations a sample
 * carries is read in the same query as its locks, but not at the same instant (PostgreSQL reads
 * it from the statement's snapshot, before pg_locks; MariaDB may read it before or after
 * PROCESSLIST), so it is certain only where the samples before and after counted the same. A
 * sample at a boundary is tied to the migration whose certain samples ran the same statement,
 * and otherwise to the migration its count names (copies are settled later by the storage).
 */
function attributeSamples(run: ObservedRun, migrations: number): SampleAttribution[] {
  const last = run.base + run.migrations.length;
  const bounds = run.samples.map((sample, i) => {
    const before = run.samples[i - 1]?.applied ?? sample.applied;
    const after = run.samples[i + 1]?.applied ?? last;
    return {
      from: Math.min(before, sample.applied) - run.base,
      to: Math.max(after, sample.applied) - run.base,
    };
  });
  const ranStatement = new Map<string, Set<number>>();
  run.samples.forEach((sample, i) => {
    const { from, to } = bounds[i] ?? { from: 0, to: 0 };
    if (from !== to) return;
    for (const statement of sampleStatements(sample)) {
      const indexes = ranStatement.get(statement) ?? new Set<number>();
      ranStatement.set(statement, indexes.add(from));
    }
  });
  return run.samples.map((sample, i) => {
    const { from, to } = bounds[i] ?? { from: 0, to: 0 };
    const own = sample.applied - run.base;
    if (from === to) return { index: own, candidates: [own], certain: true };
    const candidates = range(Math.max(from, 0), Math.min(to, migrations - 1) + 1);
    const ran = new Set(
      sampleStatements(sample).flatMap((statement) => [...(ranStatement.get(statement) ?? [])]),
    );
    const matching = candidates.filter((index) => ran.has(index));
    if (matching.length === 1) return { index: matching[0] ?? own, candidates, certain: true };
    return { index: own, candidates, certain: false };
  });
}

function sampleStatements(sample: LockSample): string[] {
  const statements = sample.statements ?? sample.locks.map((lock) => lock.statement ?? '');
  return [...new Set(statements.map((s) => s.trim()).filter(Boolean))];
}

export function migrationLabel(migration: AppliedMigration): string {
  return `${migration.version || 'R'} ${migration.description}`;
}

interface Span {
  first: number;
  last: number;
  previousSample: number;
  heldMs: number;
  samples: number;
  statement?: string;
}

/** Per migration index, per table, per mode: the longest run of consecutive samples showing it. */
function lockSpans(
  run: ObservedRun,
  attributions: SampleAttribution[],
): Map<number, Map<string, Map<string, Span>>> {
  const spans = new Map<number, Map<string, Map<string, Span>>>();
  run.samples.forEach((sample, sampleIndex) => {
    const index = attributions[sampleIndex]?.index ?? sample.applied - run.base;
    if (index < 0) return;
    const tables = spans.get(index) ?? new Map<string, Map<string, Span>>();
    spans.set(index, tables);
    for (const lock of sample.locks) {
      const modes = tables.get(lock.table) ?? new Map<string, Span>();
      tables.set(lock.table, modes);
      const span = modes.get(lock.mode);
      if (!span) {
        modes.set(lock.mode, {
          first: sample.atMs,
          last: sample.atMs,
          previousSample: sampleIndex,
          heldMs: 0,
          samples: 1,
          statement: lock.statement,
        });
        continue;
      }
      if (span.previousSample === sampleIndex) continue;
      // A gap in the samples is a new hold (the lock was released and taken again).
      if (span.previousSample !== sampleIndex - 1) span.first = sample.atMs;
      span.last = sample.atMs;
      span.previousSample = sampleIndex;
      span.samples += 1;
      span.heldMs = Math.max(span.heldMs, Math.round(span.last - span.first));
    }
  });
  return spans;
}

function tableLock(
  table: string,
  modes: Map<string, Span>,
  rowsBefore: Map<string, number>,
  lockModes: readonly string[],
): TableLock {
  const ordered = [...modes]
    .map(([mode, span]) => ({ mode, heldMs: span.heldMs, samples: span.samples, statement: span.statement }))
    .sort((a, b) => lockModes.indexOf(b.mode) - lockModes.indexOf(a.mode));
  const strongest = ordered[0] ?? { mode: '', heldMs: 0, samples: 0, statement: undefined };
  return {
    table,
    mode: strongest.mode,
    heldMs: strongest.heldMs,
    rows: rowsBefore.get(table) ?? 0,
    modes: ordered.map(({ mode, heldMs, samples }) => ({ mode, heldMs, samples })),
    statement: strongest.statement,
  };
}

/** Tables whose storage changed, each tied to the migration that changed it. */
function storageChanges(
  run: ObservedRun,
  observations: MigrationObservation[],
  attributions: SampleAttribution[],
): { index: number; rewrite: TableRewrite }[] {
  const last = run.base + observations.length;
  const looks: StorageCheckpoint[] = [
    { applied: run.base, tables: run.before },
    ...run.checkpoints,
    { applied: last, tables: run.after },
  ];
  // Where the DDL commits before the history row, the migration running at the later look may
  // already have changed the storage.
  const runningAtLater = run.storageCommitsWithHistory === false ? 1 : 0;
  const evidence = statementEvidence(run, attributions);
  const before = new Map(run.before.map((t) => [t.table, t]));
  const after = new Map(run.after.map((t) => [t.table, t]));
  const found: { index: number; rewrite: TableRewrite }[] = [];
  for (let i = 1; i < looks.length; i++) {
    const [earlier, later] = [looks[i - 1], looks[i]];
    if (!earlier || !later) continue;
    const storage = new Map(earlier.tables.map((t) => [t.table, t.storage]));
    for (const table of later.tables) {
      const was = storage.get(table.table);
      if (!was || !table.storage || was === table.storage) continue;
      const from = earlier.applied - run.base;
      const to = (later.appliedAfter ?? later.applied) - run.base + runningAtLater;
      const candidates = range(from, Math.max(to, from + 1)).filter((index) => index < observations.length);
      const { index, attribution } = candidates.length
        ? pickMigration(candidates, table.table, observations, run.exclusiveModes, evidence)
        : // After the last recorded migration: Flyway's afterMigrate callbacks, or its last migration.
          { index: observations.length - 1, attribution: 'unsure' as const };
      found.push({
        index,
        rewrite: {
          table: table.table,
          bytesBefore: before.get(table.table)?.bytes ?? 0,
          bytesAfter: after.get(table.table)?.bytes ?? 0,
          rows: before.get(table.table)?.rows ?? -1,
          copied: false,
          attribution,
          ...(attribution === 'unsure' && {
            between: candidates.map((c) => observations[c]?.migration ?? String(c)),
          }),
        },
      });
    }
  }
  return found;
}

function pickMigration(
  candidates: number[],
  table: string,
  observations: MigrationObservation[],
  exclusiveModes: readonly string[],
  evidence: StatementEvidence,
): { index: number; attribution: TableRewrite['attribution'] } {
  if (candidates.length === 1) return { index: candidates[0] ?? 0, attribution: 'history' };
  const locking = candidates.filter((index) =>
    observations[index]?.locks.some(
      (lock) => lock.table === table && lock.modes.some((m) => exclusiveModes.includes(m.mode)),
    ),
  );
  if (locking.length === 1) return { index: locking[0] ?? 0, attribution: 'exclusive lock' };
  // A copy names the rebuild itself; an ALTER TABLE on the table may also be an instant one.
  for (const seen of [evidence.copying, evidence.altering]) {
    const migrations = candidates.filter((index) => seen.get(table)?.has(index));
    if (migrations.length === 1) return { index: migrations[0] ?? 0, attribution: 'statement' };
  }
  return { index: locking[0] ?? candidates[0] ?? 0, attribution: 'unsure' };
}

interface StatementEvidence {
  /** Per table, the migrations whose certain samples saw a Flyway session copying it. */
  copying: Map<string, Set<number>>;
  /** Per table, the migrations whose certain samples saw an ALTER TABLE on it running. */
  altering: Map<string, Set<number>>;
}

function statementEvidence(run: ObservedRun, attributions: SampleAttribution[]): StatementEvidence {
  const evidence: StatementEvidence = { copying: new Map(), altering: new Map() };
  const add = (seen: Map<string, Set<number>>, table: string, index: number) =>
    seen.set(table, (seen.get(table) ?? new Set<number>()).add(index));
  run.samples.forEach((sample, i) => {
    const attribution = attributions[i];
    if (!attribution?.certain) return;
    for (const table of sample.copying) add(evidence.copying, table, attribution.index);
    for (const table of sample.altering ?? []) add(evidence.altering, table, attribution.index);
  });
  return evidence;
}

/**
 * MySQL/MariaDB: a table a session was copying is marked copied, and counted rewritten if it was
 * not. A copy seen by a sample at a boundary goes to the candidate migration that rewrote it.
 */
function markCopies(
  run: ObservedRun,
  observations: MigrationObservation[],
  attributions: SampleAttribution[],
): void {
  const before = new Map(run.before.map((t) => [t.table, t]));
  const after = new Map(run.after.map((t) => [t.table, t]));
  run.samples.forEach((sample, i) => {
    const attribution = attributions[i] ?? {
      index: sample.applied - run.base,
      candidates: [],
      certain: false,
    };
    for (const table of sample.copying) {
      const rewriting = attribution.certain
        ? []
        : attribution.candidates.filter((index) =>
            observations[index]?.rewrites.some((r) => r.table === table),
          );
      const observation = observations[rewriting.length === 1 ? (rewriting[0] ?? 0) : attribution.index];
      if (!observation) continue;
      const rewrite = observation.rewrites.find((r) => r.table === table);
      if (rewrite) rewrite.copied = true;
      else
        observation.rewrites.push({
          table,
          bytesBefore: before.get(table)?.bytes ?? 0,
          bytesAfter: after.get(table)?.bytes ?? 0,
          rows: before.get(table)?.rows ?? -1,
          copied: true,
          attribution: 'statement',
        });
    }
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
