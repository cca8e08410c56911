import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import type { Figure } from '../figure.ts';
import { stopChild } from '../lib/backend-process.ts';
import { BENCH_FB_ENV } from '../lib/facebook-app.ts';
import {
  E2E_DURATION_MS,
  E2E_RATE_PER_S,
  LatencyProbe,
  threadKeyOfBody,
  WARMUP_MS,
  webhookLoad,
} from '../lib/webhook-load.ts';

/**
 * relay_p99_ms: the same signed webhooks, at the same rate and for as long as the e2e figure, through
 * a server that only verifies the signature and pushes the body over a WebSocket — in a child process
 * started the same way as the backend. What is left above it in e2e is Pagedesk's own cost.
 */
export const relayFigure: Figure = {
  name: 'relay',
  keys: ['relay_p99_ms'],
  async run(ctx) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/figures/relay-server.ts'], {
      env: { PATH: process.env.PATH ?? '', FB_APP_SECRET: BENCH_FB_ENV.FB_APP_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => {
          const m = c.toString().match(/relay: (http:\/\/\S+)/);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`the relay server exited (${code})`)));
      });
      const probe = new LatencyProbe();
      const ws = new WebSocket(`${url.replace('http', 'ws')}/`);
      ws.on('message', (data) => {
        const key = threadKeyOfBody(String(data));
        if (key) probe.arrived(key);
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const summary = await webhookLoad({
        url: `${url}/webhooks/facebook`,
        pageId: '104857600000001',
        postNumber: '122100000000000001',
        ratePerS: E2E_RATE_PER_S,
        warmupMs: WARMUP_MS * ctx.scale,
        durationMs: E2E_DURATION_MS * ctx.scale,
        drainMs: 5_000,
        probe,
      });
      ws.close();
      ctx.log(`relay: ${JSON.stringify(summary)}`);
      return {
        values: { relay_p99_ms: summary.p99 },
        info: [{ figure: 'relay_p50_ms', value: summary.p50, unit: 'ms', note: 'baseline median' }],
      };
    } finally {
      await stopChild(child);
    }
  },
};
