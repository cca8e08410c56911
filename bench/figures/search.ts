import path from 'node:path';
import type { Figure } from '../figure.ts';
import { startBackend } from '../lib/backend-process.ts';
import { apiClient } from '../lib/http-client.ts';
import { DATASET, FIRST_NAMES, ORDER_BASE, ORDER_SPAN, searchDataset, WORDS } from '../lib/search-dataset.ts';
import { percentile, round } from '../lib/stats.ts';

const SAMPLES = 40;

/**
 * search_p95_ms: GET /api/recordings by a 7-day window + campaign + agent; search_fulltext_p95_ms:
 * by free text alone (order numbers, which a few interactions mention; customers' first names; and
 * common words) — each the 95th percentile of 40 searches of the first page (25 results), as an
 * admin (who may read everything), over the cached data set of 1,000,000 messages in 100,000
 * interactions (lib/search-dataset.ts).
 */
export const searchFigure: Figure = {
  name: 'search',
  keys: ['search_p95_ms', 'search_fulltext_p95_ms'],
  async run(ctx) {
    const { db, adminToken, members } = await searchDataset(ctx.db, ctx.cacheDir, ctx.log);
    const backend = await startBackend({
      env: { ...db.env, FB_GRAPH_URL: 'http://127.0.0.1:9', FB_DIALOG_URL: 'http://127.0.0.1:9' },
      logFile: path.join(ctx.runDir, 'search-backend.log'),
    });
    try {
      const api = apiClient(backend.url);
      const search = async (query: Record<string, string>) => {
        const t0 = performance.now();
        const page = await api<{ results: unknown[] }>(
          'GET',
          `/api/recordings?${new URLSearchParams(query)}`,
          adminToken,
        );
        return { ms: performance.now() - t0, n: page.results.length };
      };
      // A few searches first: the backend just started, with its code and the database's pages cold.
      for (const q of ['order 10001', 'Ana', 'refund', '']) await search(q ? { q } : {});
      const day = 86_400_000;
      const filtered: number[] = [];
      let found = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const m = members[(i * 37) % members.length]!;
        const to = Date.now() - ((i * 2) % (DATASET.days - 7)) * day;
        const r = await search({
          from: new Date(to - 7 * day).toISOString(),
          to: new Date(to).toISOString(),
          campaignId: m.campaign_id,
          agentId: m.agent_id,
        });
        filtered.push(r.ms);
        found += r.n;
      }
      const texts = Array.from({ length: SAMPLES }, (_, i) =>
        i % 4 === 0
          ? WORDS[(i * 7) % WORDS.length]!
          : i % 4 === 1
            ? FIRST_NAMES[i % FIRST_NAMES.length]!
            : `order ${ORDER_BASE + ((i * 7_919) % ORDER_SPAN)}`,
      );
      const fulltext: number[] = [];
      let foundText = 0;
      for (const q of texts) {
        const r = await search({ q });
        fulltext.push(r.ms);
        foundText += r.n;
      }
      ctx.log(`search: filtered ${JSON.stringify(filtered.map((x) => round(x, 1)))} (${found} results)`);
      ctx.log(`search: fulltext ${JSON.stringify(fulltext.map((x) => round(x, 1)))} (${foundText} results)`);
      return {
        values: {
          search_p95_ms: round(percentile(filtered, 95), 2),
          search_fulltext_p95_ms: round(percentile(fulltext, 95), 2),
        },
        info: [
          {
            figure: 'search results per page (avg)',
            value: round(found / SAMPLES, 1),
            unit: '',
            note: 'date + campaign + agent',
          },
          {
            figure: 'full-text results per page (avg)',
            value: round(foundText / SAMPLES, 1),
            unit: '',
            note: 'free text',
          },
        ],
      };
    } finally {
      await backend.stop();
    }
  },
};
