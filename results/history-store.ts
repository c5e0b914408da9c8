/**
 * The performance history: runs of results files kept in one SQLite file (better-sqlite3), each run with
 * its commit, branch, machine fingerprint and every trial's summary per sample set (`bench`, or
 * `<experiment>/<variant>` of a suite). Only reading and writing here; trends and comparisons are
 * reports' business. A file that is not a SQLite database, or not a scalebench history, fails in one
 * line naming it (exit 2).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { ScalebenchError } from '../core/errors.ts';
import type { Environment, Summary } from './schema.ts';

const require = createRequire(import.meta.url);

/** the history's own schema version, kept in its `meta` table */
export const HISTORY_VERSION = 1;

export interface HistoryTrialSet {
  key: string;
  summaries: Summary[];
}

export interface HistoryRunInput {
  commit: string | null;
  branch: string;
  createdAt: string;
  kind: string;
  source: string;
  environment: Environment;
  sets: HistoryTrialSet[];
}

export interface HistoryRun extends HistoryRunInput {
  id: number;
  addedAt: string;
  /** `<cpu model> × <cores>, Node <version>, <os> <arch>`: runs with different ones are not mixed silently */
  fingerprint: string;
}

export function machineFingerprint(environment: Environment): string {
  return `${environment.cpuModel} × ${environment.cores}, Node ${environment.nodeVersion}, ${environment.os} ${environment.arch}`;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  added_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  commit_sha TEXT,
  branch TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  environment TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_branch ON runs (branch, id);
CREATE TABLE IF NOT EXISTS trials (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  set_key TEXT NOT NULL,
  trial INTEGER NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (run_id, set_key, trial)
);
`;

function notAHistory(path: string, why: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_RESULTS_FILE', `${path} is not a scalebench history database (${why})`, {
    hint: 'pass the --db file that `scalebench history add` wrote, or a new path to start one',
  });
}

/**
 * better-sqlite3 is an optional peer dependency (a native module that compiles where no prebuilt binary
 * downloads): `npm install scalebench` works without it, `history` asks for it.
 */
function loadDriver(): typeof BetterSqlite3 {
  try {
    return require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error: unknown) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', 'the history needs the SQLite driver better-sqlite3', {
      hint: 'npm install better-sqlite3@12 next to scalebench',
      cause: error,
    });
  }
}

const OWN_TABLES = ['meta', 'runs', 'trials'];

function tableNames(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all();
  return (rows as { name: string }[]).map((row) => row.name);
}

function hasOwnTables(db: BetterSqlite3.Database): boolean {
  return tableNames(db).includes('meta');
}

function hasForeignTables(db: BetterSqlite3.Database): boolean {
  return tableNames(db).some((name) => !OWN_TABLES.includes(name));
}

interface RunRow {
  id: number;
  added_at: string;
  created_at: string;
  commit_sha: string | null;
  branch: string;
  kind: string;
  source: string;
  fingerprint: string;
  environment: string;
}

export class HistoryStore {
  private constructor(
    private readonly db: BetterSqlite3.Database,
    readonly path: string,
  ) {}

  /** Opens (creating with `create`) the history at `path`; checks it is one. */
  static open(path: string, { create }: { create: boolean }): HistoryStore {
    if (!create && !existsSync(path)) {
      throw new ScalebenchError('SB_ERR_RESULTS_FILE', `no history database at ${path}`, {
        hint: 'add runs first with `scalebench history add results.json --db FILE`',
      });
    }
    const Database = loadDriver();
    let db: BetterSqlite3.Database | undefined;
    try {
      db = new Database(path, { fileMustExist: !create });
      db.pragma('foreign_keys = ON');
      if (create && !hasOwnTables(db) && hasForeignTables(db))
        throw notAHistory(path, 'it holds other tables');
      if (create) db.exec(SCHEMA_SQL);
      const version = db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as
        | { value: string }
        | undefined;
      if (version === undefined && create) {
        db.prepare("INSERT INTO meta (key, value) VALUES ('version', ?)").run(String(HISTORY_VERSION));
      } else if (version?.value !== String(HISTORY_VERSION)) {
        throw notAHistory(
          path,
          `history version ${version?.value ?? 'missing'}, expected ${HISTORY_VERSION}`,
        );
      }
      return new HistoryStore(db, path);
    } catch (error: unknown) {
      db?.close();
      if (error instanceof ScalebenchError) throw error;
      throw notAHistory(path, error instanceof Error ? error.message : String(error));
    }
  }

  close(): void {
    this.db.close();
  }

  add(run: HistoryRunInput): number {
    const insertRun = this.db.prepare(
      `INSERT INTO runs (added_at, created_at, commit_sha, branch, kind, source, fingerprint, environment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTrial = this.db.prepare(
      'INSERT INTO trials (run_id, set_key, trial, summary) VALUES (?, ?, ?, ?)',
    );
    const transaction = this.db.transaction(() => {
      const { lastInsertRowid } = insertRun.run(
        new Date().toISOString(),
        run.createdAt,
        run.commit,
        run.branch,
        run.kind,
        run.source,
        machineFingerprint(run.environment),
        JSON.stringify(run.environment),
      );
      const id = Number(lastInsertRowid);
      for (const set of run.sets)
        for (const [index, summary] of set.summaries.entries())
          insertTrial.run(id, set.key, index, JSON.stringify(summary));
      return id;
    });
    return transaction();
  }

  /** Every run, oldest first; of one branch, or its last `last` runs (still oldest first) when given. */
  runs(filter: { branch?: string; last?: number } = {}): HistoryRun[] {
    const where = filter.branch === undefined ? '' : 'WHERE branch = @branch';
    const limit = filter.last === undefined ? '' : 'LIMIT @last';
    const rows = this.db.prepare(`SELECT * FROM runs ${where} ORDER BY id DESC ${limit}`).all({
      ...(filter.branch === undefined ? {} : { branch: filter.branch }),
      ...(filter.last === undefined ? {} : { last: filter.last }),
    }) as RunRow[];
    const trials = this.db.prepare(
      'SELECT set_key, summary FROM trials WHERE run_id = ? ORDER BY set_key, trial',
    );
    return rows.reverse().map((row) => {
      const sets = new Map<string, Summary[]>();
      for (const trial of trials.all(row.id) as { set_key: string; summary: string }[]) {
        const list = sets.get(trial.set_key) ?? [];
        list.push(JSON.parse(trial.summary) as Summary);
        sets.set(trial.set_key, list);
      }
      return {
        id: row.id,
        addedAt: row.added_at,
        createdAt: row.created_at,
        commit: row.commit_sha,
        branch: row.branch,
        kind: row.kind,
        source: row.source,
        fingerprint: row.fingerprint,
        environment: JSON.parse(row.environment) as Environment,
        sets: [...sets.entries()].map(([key, summaries]) => ({ key, summaries })),
      };
    });
  }
}
