import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PGLITE_EXTENSIONS } from '../../backend/store/pglite-extensions.ts';
import { usePreparedStatements } from '../../backend/store/pglite-prepared.ts';

// Drizzle's own options for raw statements: timestamps stay text, rows are objects or arrays.
const asDrizzle = (rowMode: 'object' | 'array') => ({
  rowMode,
  parsers: { [types.TIMESTAMPTZ]: (v: string) => v, [types.TIMESTAMP]: (v: string) => v },
});

const SETUP = `
  create table t (id int primary key, name text, at timestamptz, tags text[], doc jsonb, big bigint);
  insert into t values
    (1, 'ana', '2026-11-25T10:00:00Z', '{a,b}', '{"k": [1, 2]}', 9007199254740993),
    (2, null, null, null, null, null);`;

let plain: PGlite;
let prepared: PGlite;
let small: PGlite; // prepared, at most 3 statements
// Sessions from the suite's migrated template (quicker than initdb), none wrapped yet.
const fresh = async () => {
  const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const db = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
  await db.exec(SETUP);
  return db;
};
beforeAll(async () => {
  [plain, prepared, small] = await Promise.all([fresh(), fresh(), fresh()]);
  usePreparedStatements(prepared);
  usePreparedStatements(small, 3);
});
afterAll(async () => {
  await Promise.all([plain, prepared, small].map((db) => db?.close()));
});

const preparedNames = async (db: PGlite) =>
  (await db.query<{ name: string }>('select name from pg_prepared_statements')).rows.map((r) => r.name);

describe('PGlite prepared statements', () => {
  it('give the same rows and fields as PGlite does, in both row modes, from the second run on', async () => {
    const text = 'select id, name, at, tags, doc, big, $1::int + id as sum from t where id >= $2 order by id';
    for (const mode of ['object', 'array'] as const) {
      const expected = await plain.query(text, [10, 1], asDrizzle(mode));
      for (let run = 0; run < 3; run++) {
        const got = await prepared.query(text, [10, 1], asDrizzle(mode));
        expect(got.rows).toEqual(expected.rows);
        expect(got.fields).toEqual(expected.fields);
      }
    }
    expect(await preparedNames(prepared)).toHaveLength(1);
  });

  it('prepares a text only once it has been seen twice, and keeps at most `capacity` of them', async () => {
    await small.query('select 1 as one');
    expect(await preparedNames(small)).toEqual([]);
    for (let n = 0; n < 5; n++) {
      for (let run = 0; run < 3; run++) {
        const res = await small.query<{ n: number }>(`select ${n} + $1::int as n`, [run]);
        expect(res.rows).toEqual([{ n: n + run }]);
      }
    }
    // The two oldest were closed on the server as newer ones came; they still run (prepared again).
    expect((await preparedNames(small)).length).toBe(3);
    const again = await small.query<{ n: number }>('select 0 + $1::int as n', [7]);
    expect(again.rows).toEqual([{ n: 7 }]);
    expect((await preparedNames(small)).length).toBeLessThanOrEqual(3);
  });

  it('rejects with PostgreSQL’s error and code, and the session goes on', async () => {
    await prepared.exec('create table e (id int primary key, name text)');
    const insert = 'insert into e (id, name) values ($1, $2)';
    await prepared.query(insert, [10, 'a']);
    await prepared.query(insert, [11, 'b']);
    await expect(prepared.query(insert, [10, 'dup'])).rejects.toMatchObject({ code: '23505' });
    await prepared.query(insert, [12, 'c']);
    expect((await prepared.query('select count(*)::int n from e')).rows).toEqual([{ n: 3 }]);
  });

  it('runs inside a transaction on its connection, and a statement from outside waits for its end', async () => {
    await prepared.exec('create table x (id int primary key, name text)');
    const count = 'select count(*)::int as n from x where name = $1';
    await prepared.query(count, ['x']);
    await prepared.query(count, ['x']); // prepared from here on
    let outside: Promise<unknown> | undefined;
    await prepared.transaction(async (tx) => {
      await tx.query('insert into x (id, name) values ($1, $2)', [20, 'x']);
      expect((await tx.query(count, ['x'])).rows).toEqual([{ n: 1 }]);
      outside = prepared.query(count, ['x']);
      await new Promise((r) => setTimeout(r, 20));
      await tx.rollback();
    });
    // Had it run inside the open transaction (one session), it would have seen the rolled-back row.
    expect(((await outside) as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);
  });
});
