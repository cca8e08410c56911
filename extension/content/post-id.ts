/**
 * The object id of the Facebook post a facebook.com URL shows, or null when it shows no single
 * post. Comment ids are `<postObjectId>_<commentId>`, so the sidebar finds the interactions on this
 * post by that prefix of their thread key.
 *
 * This reads Facebook's URLs, which Facebook may change: the shapes known to work are listed in
 * post-id.test.ts. Encoded ids (`pfbid0…`) cannot be mapped to an object id without the Graph API,
 * so they give null.
 */
export function postIdFromUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/(^|\.)facebook\.com$/.test(u.hostname)) return null;
  const segments = u.pathname.split('/').filter(Boolean);
  const query = (name: string) => u.searchParams.get(name);
  const first = segments[0];
  let id: string | null | undefined;
  if (first === 'permalink.php' || first === 'story.php') id = query('story_fbid');
  else if (first === 'photo' || first === 'photo.php') id = query('fbid');
  else if (first === 'watch') id = query('v');
  else {
    // /<page>/posts/<id>, /<page>/videos/<id>, /<page>/photos/<album>/<id>, with an optional slug before the id.
    const kind = segments.findIndex((s) => s === 'posts' || s === 'videos' || s === 'photos');
    if (kind >= 0)
      id = segments
        .slice(kind + 1)
        .reverse()
        .find((s) => /^\d+(_\d+)?$/.test(s));
  }
  return objectId(id);
}

/** A bare numeric id; `<pageId>_<postId>` (a Graph post id) gives the post's own part. */
function objectId(id: string | null | undefined): string | null {
  const match = id ? /^(?:\d+_)?(\d+)$/.exec(id) : null;
  return match?.[1] ?? null;
}
