import { requirePageToken, requireScope } from './graph-auth.ts';
import { invalidParameter, notAuthorized, requiresPermission } from './graph-error.ts';
import type { GraphRequest, GraphRoutes } from './graph-router.ts';
import { commentView } from './graph-views.ts';
import type { Author, Comment, Page, Post } from './model.ts';

/**
 * The Page answering in public and moderating (§3.1): `POST /{comment-id}/comments` (or on a post),
 * `POST /{comment-id}` with `is_hidden` or a new `message`, `DELETE /{comment-id}`. All need the
 * Page's token with pages_manage_engagement. A new comment returns `{id}` (plus any `fields=`).
 */
export const commentWriteRoutes: GraphRoutes = {
  'POST comment/comments': (req) => {
    const { comment } = req.node as Extract<GraphRequest['node'], { type: 'comment' }>;
    const post = req.ctx.state.posts.get(comment.postId)!;
    return reply(req, post, comment);
  },

  'POST post/comments': (req) => {
    const { post } = req.node as Extract<GraphRequest['node'], { type: 'post' }>;
    return reply(req, post);
  },

  'POST comment': (req) => {
    const { comment } = req.node as Extract<GraphRequest['node'], { type: 'comment' }>;
    moderatorOf(req, comment.pageId);
    const hidden = req.params.string('is_hidden');
    const message = req.params.string('message');
    if (hidden !== undefined) {
      if (comment.from.kind === 'page') throw invalidParameter('The Page cannot hide its own comment');
      req.ctx.feed.setHidden(comment, hidden === 'true' || hidden === '1');
    } else if (message !== undefined) {
      // Only the author edits a comment; for the Page that means its own replies.
      if (comment.from.kind !== 'page') throw notAuthorized();
      req.ctx.feed.edit(comment, message);
    } else {
      throw invalidParameter('Either is_hidden or message must be given');
    }
    return req.reply({ success: true });
  },

  'DELETE comment': (req) => {
    const { comment } = req.node as Extract<GraphRequest['node'], { type: 'comment' }>;
    moderatorOf(req, comment.pageId);
    req.ctx.feed.remove(comment);
    return req.reply({ success: true });
  },
};

function moderatorOf(req: GraphRequest, pageId: string): Page {
  const token = requirePageToken(req.caller, pageId);
  requireScope(req.ctx, token, 'pages_manage_engagement', () =>
    requiresPermission(200, 'pages_manage_engagement'),
  );
  return req.ctx.state.pages.get(pageId)!;
}

function reply(req: GraphRequest, post: Post, parent?: Comment): Response {
  const page = moderatorOf(req, post.pageId);
  const message = req.params.string('message') ?? '';
  const photoUrl = req.params.string('attachment_url') ?? req.params.string('attachment_share_url');
  if (!message.trim() && !photoUrl) throw invalidParameter('Missing message or attachment');
  if (photoUrl && !/^https?:\/\//.test(photoUrl)) throw invalidParameter('Invalid attachment_url');
  const from: Author = { kind: 'page', id: page.id, name: page.name };
  const created = req.ctx.feed.comment(post, from, message, {
    ...(parent ? { replyTo: parent } : {}),
    ...(photoUrl ? { photoUrl } : {}),
  });
  const fields = req.params.fields();
  return req.reply(fields ? commentView(req.ctx, created, fields, { withFrom: true }) : { id: created.id });
}
