import { afterAll, beforeAll, describe } from 'vitest';
import { allRoutes } from '../../backend/http/routes/index.ts';
import { routeMatrix } from './authz/run-routes.ts';
import { type AuthzWorld, CALLERS, createAuthzWorld } from './authz/world.ts';
import { WS_MESSAGES, wsMatrix } from './authz/ws-matrix.ts';

/**
 * The authorization matrix (issue 8): every route and every WebSocket message × six callers —
 * anonymous, agent A, agent B (both members of campaign X, where A's interaction lives), the
 * supervisor of X, the supervisor of another campaign Y, an admin — against the explicit tables in
 * ./authz/. A route missing from the table fails the suite, so a new route cannot ship without
 * someone deciding who may call it.
 */
let w: AuthzWorld;
beforeAll(async () => {
  w = await createAuthzWorld();
}, 60_000);

const tally = { cells: 0, leaks: 0 };
async function cell(check: () => Promise<void>) {
  tally.cells += 1;
  try {
    await check();
  } catch (err) {
    tally.leaks += 1;
    throw err;
  }
}

afterAll(async () => {
  const events = tally.cells - allRoutes.length * CALLERS.length - WS_MESSAGES.length * CALLERS.length;
  console.log(
    `[authz] ${tally.cells} cells (${allRoutes.length} routes × ${CALLERS.length} callers + ` +
      `${WS_MESSAGES.length} ws messages × ${CALLERS.length} callers + ${events} ws deliveries), ` +
      `${tally.leaks} leaks`,
  );
  await w?.close();
});

describe('HTTP routes × callers', () => routeMatrix(() => w, cell));
describe('WebSocket messages and events × callers', () => wsMatrix(() => w, cell));
