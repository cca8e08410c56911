import type { Page } from '../../shared/api/pages.ts';
import type { PageRow } from './page-store.ts';

/** The API's view of a Page row: never the token. */
export function toPage(row: PageRow): Page {
  return {
    id: row.id,
    name: row.name,
    health: row.health,
    healthReason: row.healthReason,
    healthCheckedAt: row.healthCheckedAt?.toISOString() ?? null,
    healthChangedAt: row.healthChangedAt.toISOString(),
    humanAgentEnabled: row.humanAgentEnabled,
    scopes: row.scopes,
  };
}
