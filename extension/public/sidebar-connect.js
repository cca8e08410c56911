// The sidebar's first script, a classic one so that it runs while its modules are still loading:
// opens the ports on which the background answers at once with the session and the live inbox,
// and holds those answers until extension/ui/runtime-client.ts takes the ports over. The names are
// SESSION_PORT and REALTIME_PORT of shared/runtime-messages.ts (a test checks they match).
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const early = new Map();
  for (const name of ['pagedesk.session', 'pagedesk.realtime']) {
    const held = [];
    const hold = (message) => {
      held.push(message);
    };
    const port = api.runtime.connect({ name });
    port.onMessage.addListener(hold);
    early.set(name, { port, held, hold });
  }
  globalThis.pagedeskEarlyPorts = early;
})();
