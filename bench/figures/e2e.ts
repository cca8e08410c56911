import type { Figure } from '../figure.ts';
import { type LiveSocket, openLiveSocket } from '../lib/agent-socket.ts';
import { freshDatabase } from '../lib/bench-database.ts';
import { request } from '../lib/http-client.ts';
import {
  E2E_DURATION_MS,
  E2E_RATE_PER_S,
  LatencyProbe,
  WARMUP_MS,
  webhookLoad,
} from '../lib/webhook-load.ts';
import { startWorld } from '../lib/world.ts';

const AGENTS = 200;

/**
 * e2e_p50_ms / e2e_p99_ms: a signed webhook POST until the assigned agent's WebSocket has the
 * interaction (`interaction.changed`, assigned to them), at 500 events/s for 30 s, with 200 agents
 * connected who complete each interaction as soon as it arrives, keeping capacity free. Half the
 * events are Messenger messages, half comments, each a new conversation; one campaign per channel,
 * both with every agent.
 */
export const e2eFigure: Figure = {
  name: 'e2e',
  keys: ['e2e_p50_ms', 'e2e_p99_ms'],
  needs: ['relay'],
  async run(ctx) {
    const db = await freshDatabase(ctx.db, 'e2e');
    const world = await startWorld({ db, runDir: ctx.runDir, name: 'e2e', users: { agent: AGENTS } });
    const sockets: LiveSocket[] = [];
    try {
      const agents = world.users.agent;
      await world.createCampaign('messenger', agents, { maxInteractionsPerAgent: 5 });
      await world.createCampaign('facebook', agents, { maxInteractionsPerAgent: 5 });
      const probe = new LatencyProbe();
      let completeFailures = 0;
      for (const agent of agents) {
        const socket = openLiveSocket(world.backend.url, agent.token, (event) => {
          if (
            event.type !== 'interaction.changed' ||
            event.interaction.agentId !== agent.id ||
            event.interaction.state !== 'assigned'
          )
            return;
          probe.arrived(event.interaction.threadKey);
          request('POST', `${world.backend.url}/api/interactions/${event.interaction.id}/complete`, '{}', {
            authorization: `Bearer ${agent.token}`,
            'content-type': 'application/json',
          }).then(
            (res) => {
              if (res.status !== 200) completeFailures++;
            },
            () => completeFailures++,
          );
        });
        sockets.push(socket);
      }
      await Promise.all(sockets.map((s) => s.ready));
      for (const agent of agents)
        await world.api('POST', '/api/agent/status', agent.token, { status: 'available' });
      const cpuBefore = world.backend.cpuMs();
      const summary = await webhookLoad({
        url: `${world.backend.url}/webhooks/facebook`,
        pageId: world.page.id,
        postNumber: '122100000000000001',
        ratePerS: Number(process.env.BENCH_E2E_RATE ?? E2E_RATE_PER_S),
        warmupMs: WARMUP_MS * ctx.scale,
        durationMs: E2E_DURATION_MS * ctx.scale,
        drainMs: 10_000,
        probe,
      });
      const cpuPerEvent =
        (world.backend.cpuMs() - cpuBefore) / (summary.sent * (1 + WARMUP_MS / E2E_DURATION_MS));
      ctx.log(`e2e: ${JSON.stringify({ ...summary, completeFailures, cpuPerEvent })}`);
      return {
        values: { e2e_p50_ms: summary.p50, e2e_p99_ms: summary.p99 },
        info: [
          {
            figure: 'e2e lost / failed POSTs',
            value: summary.lost + summary.failedPosts,
            unit: '',
            note: `${summary.received}/${summary.sent} pushed, max ${summary.max} ms`,
          },
          {
            figure: 'e2e backend CPU per event',
            value: cpuPerEvent,
            unit: 'ms',
            note: 'what limits the rate: user+system time of the backend process',
          },
        ],
      };
    } finally {
      for (const s of sockets) s.close();
      await world.stop();
      await db.drop();
    }
  },
};
