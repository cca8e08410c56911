import type { DomainEvent } from '../../shared/events.ts';
import type { Figure } from '../figure.ts';
import { type LiveSocket, openLiveSocket } from '../lib/agent-socket.ts';
import { freshDatabase } from '../lib/bench-database.ts';
import { percentile, round, sleep } from '../lib/stats.ts';
import { startWorld } from '../lib/world.ts';

const SAMPLES = 40;

/**
 * push_ms: an agent changes status (POST /api/agent/status, break or available in turn) until a
 * supervisor's WebSocket has the `agent.status` event; the figure is the 95th percentile of 40
 * changes, 100 ms apart. The agent is a member of a campaign, as supervisors watch campaigns.
 */
export const pushFigure: Figure = {
  name: 'push',
  keys: ['push_ms'],
  async run(ctx) {
    const db = await freshDatabase(ctx.db, 'push');
    const world = await startWorld({
      db,
      runDir: ctx.runDir,
      name: 'push',
      users: { agent: 1, supervisor: 1 },
    });
    const sockets: LiveSocket[] = [];
    try {
      const agent = world.users.agent[0]!;
      const supervisor = world.users.supervisor[0]!;
      await world.createCampaign('messenger', [agent]);
      let waiting: { status: string; resolve: () => void } | undefined;
      const watcher = openLiveSocket(world.backend.url, supervisor.token, (e: DomainEvent) => {
        if (
          e.type === 'agent.status' &&
          e.presence.agentId === agent.id &&
          e.presence.status === waiting?.status
        )
          waiting.resolve();
      });
      sockets.push(watcher, openLiveSocket(world.backend.url, agent.token));
      await Promise.all(sockets.map((s) => s.ready));
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const next = i % 2 === 0 ? { status: 'break', reason: 'Coffee' } : { status: 'available' };
        const seen = new Promise<void>((resolve) => {
          waiting = { status: next.status, resolve };
        });
        const t0 = performance.now();
        await world.api('POST', '/api/agent/status', agent.token, next);
        const arrived = await Promise.race([seen.then(() => true), sleep(5_000).then(() => false)]);
        samples.push(arrived ? performance.now() - t0 : 5_000);
        await sleep(100);
      }
      ctx.log(`push: ${JSON.stringify(samples.map((s) => round(s, 2)))}`);
      return {
        values: { push_ms: round(percentile(samples, 95), 2) },
        info: [
          { figure: 'push_p50_ms', value: round(percentile(samples, 50), 2), unit: 'ms', note: 'median' },
        ],
      };
    } finally {
      for (const s of sockets) s.close();
      await world.stop();
      await db.drop();
    }
  },
};
