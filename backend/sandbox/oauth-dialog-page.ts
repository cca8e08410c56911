import { escapeHtml, htmlPage } from './html.ts';
import type { Page, User } from './model.ts';

export interface DialogView {
  action: string;
  appName: string;
  user: User;
  scopes: string[];
  pages: Page[];
  /** The original request, carried through the form untouched. */
  hidden: Record<string, string>;
}

/**
 * The Login dialog's permission screen: one checkbox per requested permission and per Page the
 * user administers, all ticked as on Facebook, so a test or a demo can untick a Page and see the
 * "empty /me/accounts" failure (FACEBOOK-PLATFORM.md §4.1, chatwoot #15019).
 */
export function dialogPage(view: DialogView): string {
  const hidden = Object.entries(view.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const scopes = view.scopes
    .map(
      (s) =>
        `<label><input type="checkbox" name="granted_scopes" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label>`,
    )
    .join('\n');
  const pages =
    view.pages.length === 0
      ? '<p class="muted">You do not manage any Page yet.</p>'
      : view.pages
          .map(
            (p) =>
              `<label><input type="checkbox" name="page_ids" value="${escapeHtml(p.id)}" checked> ${escapeHtml(p.name)} <span class="muted">(${escapeHtml(p.id)})</span></label>`,
          )
          .join('\n');
  return htmlPage(
    `Log in to ${view.appName}`,
    `<form class="card" method="post" action="${escapeHtml(view.action)}">
<h1>${escapeHtml(view.appName)} is requesting access</h1>
<p class="muted">Logged in as ${escapeHtml(view.user.name)}</p>
${hidden}
<fieldset><legend>Permissions</legend>
${scopes || '<p class="muted">Only your public profile.</p>'}
</fieldset>
<fieldset><legend>Pages</legend>
${pages}
</fieldset>
<p>
<button class="primary" type="submit" name="action" value="continue">Continue</button>
<button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
</p>
</form>`,
  );
}

/** What Facebook shows instead of the dialog when the request itself is wrong. */
export function dialogErrorPage(title: string, detail: string): string {
  return htmlPage(
    title,
    `<div class="card"><h1 class="error">${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></div>`,
  );
}
