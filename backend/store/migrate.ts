import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number works; it only has to be the same in every instance.
const MIGRATION_LOCK_KEY = 4_715_220_301;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations drizzle-kit generated, in order, each split into its statements. */
export function readMigrations(dir = MIGRATIONS_DIR): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: fs
        .readFileSync(path.join(dir, `${tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock so that
 * instances starting together apply each migration exactly once. Returns the tags it applied.
 */
export async function migrate(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  return store.withSession(async (s) => {
    await s.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await s.exec(
        'create table if not exists schema_migrations (tag text primary key, applied_at timestamptz not null default now())',
      );
      const done = new Set(
        (await s.query<{ tag: string }>('select tag from schema_migrations')).map((r) => r.tag),
      );
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.tag)) continue;
        await s.exec('begin');
        try {
          for (const statement of m.statements) await s.exec(statement);
          await s.query('insert into schema_migrations (tag) values ($1)', [m.tag]);
          await s.exec('commit');
        } catch (err) {
          await s.exec('rollback');
          throw new Error(`migration ${m.tag} failed: ${(err as Error).message}`);
        }
        applied.push(m.tag);
      }
      return applied;
    } finally {
      await s.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
