import path from 'node:path';
import { type PostgresServer, startPostgres } from '../../test/harness/postgres-server.ts';
import type { Figure, InfoRow } from '../figure.ts';
import { type LiveSocket, openLiveSocket } from '../lib/agent-socket.ts';
import { startBackend } from '../lib/backend-process.ts';
import { type DbKind, freshDatabase } from '../lib/bench-database.ts';
import { seedUsers } from '../lib/seed-users.ts';
import { mapLimit, round, sleep } from '../lib/stats.ts';

const CLIENTS = 1_000;

/**
 * rss_mb_1000_ws: the backend's resident memory (VmRSS of its process) with 1,000 agents connected
 * over /ws, each authenticated and past its snapshot. The highest of six readings over 3 s once all
 * are connected. The target is for PostgreSQL; with DATABASE_URL set the same is measured on
 * embedded PGlite beside it (whose database lives inside the backend's process).
 */
export const rssFigure: Figure = {
  name: 'rss',
  keys: ['rss_mb_1000_ws'],
  async run(ctx) {
    const main = await measure(ctx.db, ctx.runDir);
    const info: InfoRow[] = [
      { figure: `rss_mb idle (${ctx.db})`, value: main.idle, unit: 'MB', note: 'before the clients connect' },
    ];
    if (ctx.db === 'postgres') {
      const embedded = await measure('pglite', ctx.runDir);
      info.push({
        figure: 'rss_mb_1000_ws (pglite)',
        value: embedded.connected,
        unit: 'MB',
        note: 'beside PostgreSQL',
      });
    }
    return { values: { rss_mb_1000_ws: main.connected }, info };
  },
};

async function measure(kind: DbKind, runDir: string): Promise<{ idle: number; connected: number }> {
  const db = await freshDatabase(kind, 'rss');
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
