import type { Sandbox } from './sandbox.ts';

/** A Page with one post, so a new user has something to activate and comment on. */
export async function seedDemo(
  sandbox: Sandbox,
): Promise<{ pageId: string; pageName: string; adminName: string }> {
  const json = { 'content-type': 'application/json' };
  const res = await sandbox.app.request('/_sandbox/pages', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Pagedesk Demo Shop' }),
  });
  const page = (await res.json()) as { id: string; name: string };
  await sandbox.app.request(`/_sandbox/pages/${page.id}/posts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      message: 'Our spring collection is here! Questions? Ask below or send us a message.',
    }),
  });
  return { pageId: page.id, pageName: page.name, adminName: sandbox.state.defaultAdmin.name };
}
