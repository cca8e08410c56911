import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import { describeGraphError, GraphError } from '../facebook/graph-errors.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { linkPage } from './link-page.ts';
import type { PageRow } from './page-store.ts';

export type ImportOutcome = {
  linked: PageRow[];
  refused: { pageId: string | null; name: string | null; reason: string }[];
};

/**
 * Links the Page(s) behind a token an admin already holds: a Page token links its Page; a user or
 * system-user token links every Page it manages. Each Page goes through the same checks as the dialog.
 */
export async function importToken(
  db: Database,
  fb: FacebookDeps,
  accessToken: string,
  userId: string,
  now: Date,
  emit: Emit,
): Promise<ImportOutcome> {
  const info = await fb.graph.debugToken(accessToken);
  if (!info.isValid) {
    return {
      linked: [],
      refused: [
        { pageId: null, name: null, reason: info.error?.message ?? 'Facebook says this token is not valid.' },
      ],
    };
  }
  const candidates =
    info.type === 'PAGE' && info.profileId
      ? [
          {
            id: info.profileId,
            name: (await fb.graph.getPage(info.profileId, accessToken)).name,
            token: accessToken,
          },
        ]
      : (await fb.graph.listPages(accessToken)).map((p) => ({
          id: p.id,
          name: p.name,
          token: p.accessToken,
        }));
  const outcome: ImportOutcome = { linked: [], refused: [] };
  if (candidates.length === 0) {
    outcome.refused.push({ pageId: null, name: null, reason: 'This token manages no Page.' });
  }
  for (const page of candidates) {
    try {
      const res = await linkPage(db, fb, page, userId, now, emit);
      if (res.ok) outcome.linked.push(res.page);
      else {
        const reason =
          res.code === 'MISSING_PERMISSIONS'
            ? `Missing permission(s): ${res.missing.map((m) => m.scope).join(', ')}.`
            : res.message;
        outcome.refused.push({ pageId: page.id, name: page.name, reason });
      }
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      outcome.refused.push({ pageId: page.id, name: page.name, reason: describeGraphError(err) });
    }
  }
  return outcome;
}
