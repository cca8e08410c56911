import path from 'node:path';
import { type PostgresServer, startPostgres } from '../../test/harness/postgres-server.ts';
import type { Figure, InfoRow } from '../figure.ts';
import { type LiveSocket, openLiveSocket } from '../lib/agent-socket.ts';
import { startBackend } from '../lib/backend-process.ts';
import { type DbKind, freshDatabase } from '../lib/bench-database.ts';
import { onInterrupt } from '../lib/cleanup.ts';
import { seedUsers } from '../lib/seed-users.ts';
import { mapLimit, round, sleep } from '../lib/stats.ts';

const CLIENTS = 1_000;

/**
 * rss_mb_1000_ws: the backend's resident memory (VmRSS of its process) with 1,000 agents connected
 * over /ws, each authenticated and past its snapshot; the highest of six readings over 3 s once all
 * are connected. The target is for PostgreSQL, so this figure always measures it there — on the
 * DATABASE_URL server, or else on a throwaway local server (Debian's postgresql package, as for
 * `npm test`) — and measures embedded PGlite beside it, whose database lives inside the process.
 */
export const rssFigure: Figure = {
  name: 'rss',
  keys: ['rss_mb_1000_ws'],
  async run(ctx) {
    const embedded = await measure('pglite', undefined, ctx.runDir);
    const info: InfoRow[] = [
      { figure: 'rss_mb_1000_ws (pglite)', value: embedded.connected, unit: 'MB', note: 'beside PostgreSQL' },
      {
        figure: 'rss_mb idle (pglite)',
        value: embedded.idle,
        unit: 'MB',
        note: 'before the clients connect',
      },
    ];
    let server = process.env.DATABASE_URL;
    let local: PostgresServer | undefined;
    let forget = () => {};
    if (!server) {
      try {
        local = await startPostgres();
        server = local.url('postgres');
        const started = local;
        forget = onInterrupt(() => started.stop());
      } catch (err) {
        return {
          values: { rss_mb_1000_ws: null },
          info,
          missing: `no PostgreSQL: ${(err as Error).message}`,
        };
      }
    }
    try {
      const onPostgres = await measure('postgres', server, ctx.runDir);
      info.push({
        figure: 'rss_mb idle (postgres)',
        value: onPostgres.idle,
        unit: 'MB',
        note: 'before the clients connect',
      });
      return { values: { rss_mb_1000_ws: onPostgres.connected }, info };
    } finally {
      forget();
      local?.stop();
    }
  },
};

async function measure(
  kind: DbKind,
  server: string | undefined,
  runDir: string,
): Promise<{ idle: number; connected: number }> {
  const db = await freshDatabase(kind, 'rss', server);
  const seeded = await seedUsers(db, { agent: CLIENTS });
  const backend = await startBackend({ env: db.env, logFile: path.join(runDir, `rss-${kind}-backend.log`) });
  const sockets: LiveSocket[] = [];
  try {
    await sleep(2_000);
    const idle = backend.rssMb();
    await mapLimit(seeded.byRole.agent, 50, async (agent) => {
      const s = openLiveSocket(backend.url, agent.token);
      sockets.push(s);
      await s.ready;
    });
    let connected = 0;
    for (let i = 0; i < 6; i++) {
      await sleep(500);
      connected = Math.max(connected, backend.rssMb());
    }
    return { idle: round(idle), connected: round(connected) };
  } finally {
    for (const s of sockets) s.close();
    await backend.stop();
    await db.drop();
  }
}
