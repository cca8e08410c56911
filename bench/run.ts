/**
 * `npm run bench [-- --out FILE] [-- --only key,...]`: measures Pagedesk beside its bare limits in one
 * run (issue 7) and prints a table with PASS/FAIL per target. The backend always runs in a child
 * process; this process is the load generator and only talks to 127.0.0.1. Embedded PGlite by
 * default, a real PostgreSQL when DATABASE_URL is set. Exit code: 1 when a target fails, 2 when none
 * failed but a selected figure could not be measured, 0 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchContext, FIGURE_KEYS, type FigureKey, type InfoRow, type Values } from './figure.ts';
import { selectFigures } from './figures/index.ts';
import { closeConnections } from './lib/http-client.ts';
import { renderTable } from './report.ts';

const { values: args } = parseArgs({
  options: { out: { type: 'string' }, only: { type: 'string' } },
});

const started = Date.now();
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const cacheDir = path.resolve('.bench-cache');
const runDir = path.join(cacheDir, 'runs', stamp);
fs.mkdirSync(runDir, { recursive: true });
const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');

const only = args.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const figures = selectFigures(only);
const values: Values = {};
const info: InfoRow[] = [];
const missing = new Map<FigureKey, string>();
const ran = new Set<FigureKey>();
const logFile = path.join(runDir, 'bench.log');
const ctx: BenchContext = {
  db,
  runDir,
  cacheDir,
  scale,
  values,
  log: (line) => fs.appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`),
};

process.stderr.write(
  `Pagedesk bench on ${db === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}: ${figures.map((f) => f.name).join(', ')}` +
    `${scale !== 1 ? ` (BENCH_SCALE=${scale}: timed phases shortened, not a reference run)` : ''}\n` +
    `logs: ${runDir}\n`,
);
for (const figure of figures) {
  const t0 = Date.now();
  process.stderr.write(`- ${figure.name}… `);
  for (const k of figure.keys) ran.add(k);
  try {
    const result = await figure.run(ctx);
    Object.assign(values, result.values);
    info.push(...(result.info ?? []));
    for (const k of figure.keys)
      if (result.values[k] == null) missing.set(k, result.missing ?? 'not measured yet');
    process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  } catch (err) {
    // One broken figure must not hide the others: it shows as not measured, with the reason.
    const reason = (err as Error).message.split('\n')[0]!;
    for (const k of figure.keys) {
      values[k] = null;
      missing.set(k, `failed: ${reason}`);
    }
    ctx.log(`${figure.name} failed: ${(err as Error).stack}`);
    process.stderr.write(`failed after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${reason}\n`);
  }
}
closeConnections();

const { text, statuses } = renderTable({ values, ran, info, missing, db });
process.stdout.write(`\n${text}\n\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
fs.writeFileSync(path.join(runDir, 'table.txt'), `${text}\n`);
if (args.out) {
  const out = Object.fromEntries(FIGURE_KEYS.map((k) => [k, values[k] ?? null]));
  fs.writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
}
const all = [...statuses.values()];
process.exitCode = all.includes('FAIL') ? 1 : all.includes('NOT MEASURED') ? 2 : 0;
// Handles a figure left open (sockets, timers) must not keep a finished run alive.
setTimeout(() => process.exit(), 500).unref();
