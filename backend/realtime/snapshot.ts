import type { Snapshot } from '../../shared/realtime.ts';
import { agentWork } from '../interactions/agent-work.ts';
import { listPages } from '../pages/page-store.ts';
import { toPage } from '../pages/page-view.ts';
import type { Database } from '../store/database.ts';
import { loadBoard } from '../supervision/board.ts';
import type { DaySourceCache } from '../supervision/day-source.ts';
import type { Viewer } from './audience.ts';

/** The state a client starts from, limited to what its viewer may see. */
export async function snapshotFor(
  db: Database,
  viewer: Viewer,
  now: Date,
  cache?: DaySourceCache,
): Promise<Snapshot> {
  const me = { id: viewer.userId, role: viewer.role };
  if (viewer.role === 'agent') return { agent: await agentWork(db, viewer.userId) };
  const supervisor = { board: await loadBoard(db, me, now, cache ? { cache } : {}) };
  if (viewer.role === 'admin') return { pages: (await listPages(db)).map(toPage), supervisor };
  return { supervisor };
}
