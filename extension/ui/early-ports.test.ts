import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { REALTIME_PORT, SESSION_PORT } from '../../shared/runtime-messages.ts';
import { watchRealtime, watchSession } from './runtime-client.ts';

const SCRIPT = fs.readFileSync('extension/public/sidebar-connect.js', 'utf8');

/** A runtime port as the page sees it: listeners, and a way for the test to deliver a message. */
function fakePort(name: string) {
  const listeners = new Set<(m: unknown) => void>();
  return {
    name,
    disconnected: false,
    onMessage: {
      addListener: (l: (m: unknown) => void) => void listeners.add(l),
      removeListener: (l: (m: unknown) => void) => void listeners.delete(l),
    },
    disconnect() {
      this.disconnected = true;
    },
    deliver: (m: unknown) => {
      for (const l of [...listeners]) l(m);
    },
  };
}

/** Runs public/sidebar-connect.js as the sidebar page would, against a fake runtime. */
function runFirstScript() {
  const ports: ReturnType<typeof fakePort>[] = [];
  const g = globalThis as { browser?: unknown };
  const saved = g.browser;
  g.browser = {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const port = fakePort(name);
        ports.push(port);
        return port;
      },
    },
  };
  try {
    new Function(SCRIPT)();
  } finally {
    g.browser = saved;
  }
  return ports;
}

afterEach(() => {
  globalThis.pagedeskEarlyPorts = undefined;
});

describe("the sidebar's first script", () => {
  it('opens the session and real-time ports before the page code loads', () => {
    expect(runFirstScript().map((p) => p.name)).toEqual([SESSION_PORT, REALTIME_PORT]);
  });

  it('hands over each port with what the background said meanwhile, then what it says next', () => {
    const [session, realtime] = runFirstScript();
    session!.deliver({ backendUrl: 'http://b', user: null });
    realtime!.deliver({ type: 'connected', connected: true });
    realtime!.deliver({ type: 'snapshot', snapshot: {} });

    const ac = new AbortController();
    const states: unknown[] = [];
    const updates: unknown[] = [];
    watchSession((s) => states.push(s), ac.signal);
    watchRealtime((u) => updates.push(u), ac.signal);
    expect(states).toEqual([{ backendUrl: 'http://b', user: null }]);
    expect(updates).toEqual([
      { type: 'connected', connected: true },
      { type: 'snapshot', snapshot: {} },
    ]);

    realtime!.deliver({ type: 'connected', connected: false });
    expect(updates).toHaveLength(3);
    expect(globalThis.pagedeskEarlyPorts?.size).toBe(0);
    ac.abort();
    expect(session!.disconnected && realtime!.disconnected).toBe(true);
  });
});
