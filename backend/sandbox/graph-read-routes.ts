import type { SandboxContext } from './context.ts';
import { type Caller, requirePageToken, requireScope, tokenOf } from './graph-auth.ts';
import { notAuthorized, readPermissionMissing, requiresPermission } from './graph-error.ts';
import { pickFields } from './graph-params.ts';
import type { GraphRequest, GraphRoutes } from './graph-router.ts';
import { commentView, pageView, postView, profileView, userView } from './graph-views.ts';
import { ADMIN_TASKS, type Comment, type Page } from './model.ts';
import { paginate } from './paging.ts';

/** Reads: /me, /me/accounts, nodes, a post's feed and comment lists, Messenger profiles. */
export const graphReadRoutes: GraphRoutes = {
  'GET user': (req) => {
    const { user } = req.node as Extract<GraphRequest['node'], { type: 'user' }>;
    const token = tokenOf(req.caller);
    if (token.kind !== 'user' || token.userId !== user.id) throw notAuthorized();
    return req.reply(userView(user, req.params.fields()));
  },

  'GET page': (req) => {
    const { page } = req.node as Extract<GraphRequest['node'], { type: 'page' }>;
    return req.reply(pageView(page, req.params.fields()));
  },

  'GET user/accounts': (req) => {
    const { user } = req.node as Extract<GraphRequest['node'], { type: 'user' }>;
    const token = tokenOf(req.caller);
    if (token.kind !== 'user' || token.userId !== user.id) throw notAuthorized();
    requireScope(req.ctx, token, 'pages_show_list', () => requiresPermission(100, 'pages_show_list'));
    const granted = new Set(req.ctx.tokens.targetIds(token));
    const pages = [...req.ctx.state.pages.values()].filter(
      (p) => p.adminIds.includes(user.id) && granted.has(p.id),
    );
    const fields = req.params.fields();
    return req.reply(
      list(
        req,
        pages,
        (p) => p.id,
        (page: Page) =>
          pickFields(
            {
              access_token: req.ctx.tokens.pageTokenFor(token, page.id).value,
              category: page.category,
              category_list: [{ id: '2201', name: page.category }],
              name: page.name,
              id: page.id,
              tasks: ADMIN_TASKS,
            },
            fields,
            ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'],
          ),
      ),
    );
  },

  'GET post': (req) => {
    const { post } = req.node as Extract<GraphRequest['node'], { type: 'post' }>;
    readerOf(req.ctx, req.caller, post.pageId);
    return req.reply(postView(req.ctx, post, req.params.fields()));
  },

  'GET page/feed': (req) => pagePosts(req),
  'GET page/posts': (req) => pagePosts(req),
  'GET page/published_posts': (req) => pagePosts(req),

  'GET comment': (req) => {
    const { comment } = req.node as Extract<GraphRequest['node'], { type: 'comment' }>;
    const reader = readerOf(req.ctx, req.caller, comment.pageId);
    return req.reply(commentView(req.ctx, comment, req.params.fields(), reader));
  },

  'GET post/comments': (req) => {
    const { post } = req.node as Extract<GraphRequest['node'], { type: 'post' }>;
    const reader = readerOf(req.ctx, req.caller, post.pageId);
    // filter=toplevel (the default) lists direct comments; filter=stream every comment, replies included.
    const stream = req.params.string('filter') === 'stream';
    const items = stream ? req.ctx.state.streamOf(post.id) : req.ctx.state.childrenOf(post.id);
    return req.reply(commentList(req, items, reader));
  },

  'GET comment/comments': (req) => {
    const { comment } = req.node as Extract<GraphRequest['node'], { type: 'comment' }>;
    const reader = readerOf(req.ctx, req.caller, comment.pageId);
    return req.reply(commentList(req, req.ctx.state.childrenOf(comment.id), reader));
  },

  'GET psid': (req) => {
    const { psid, pageId, person } = req.node as Extract<GraphRequest['node'], { type: 'psid' }>;
    const token = requirePageToken(req.caller, pageId);
    requireScope(req.ctx, token, 'pages_messaging', () => requiresPermission(230, 'pages_messaging'));
    return req.reply(profileView(person, psid, req.params.fields()));
  },
};

/**
 * Who may read a Page's posts and comments: its Page token, or an admin's user token, either with
 * pages_read_engagement. Only a Page token sees who commented (§3.1).
 */
function readerOf(ctx: SandboxContext, caller: Caller, pageId: string): { withFrom: boolean } {
  const token = tokenOf(caller);
  const allowed =
    token.kind === 'page'
      ? token.pageId === pageId
      : ctx.tokens.targetIds(token).includes(pageId) &&
        !!ctx.state.pages.get(pageId)?.adminIds.includes(token.userId);
  if (!allowed || !ctx.tokens.hasScope(token, 'pages_read_engagement')) throw readPermissionMissing();
  return { withFrom: token.kind === 'page' };
}

function pagePosts(req: GraphRequest) {
  const { page } = req.node as Extract<GraphRequest['node'], { type: 'page' }>;
  readerOf(req.ctx, req.caller, page.id);
  const posts = [...req.ctx.state.posts.values()].filter((p) => p.pageId === page.id).reverse();
  const fields = req.params.fields();
  return req.reply(
    list(
      req,
      posts,
      (p) => p.id,
      (post) => postView(req.ctx, post, fields),
    ),
  );
}

function commentList(req: GraphRequest, comments: Comment[], reader: { withFrom: boolean }) {
  const reverse = req.params.string('order') === 'reverse_chronological';
  const ordered = reverse ? [...comments].reverse() : comments;
  const fields = req.params.fields();
  const body = list(
    req,
    ordered,
    (c) => c.id,
    (c) => commentView(req.ctx, c, fields, reader),
  );
  if (req.params.string('summary') !== 'true' && req.params.string('summary') !== '1') return body;
  return {
    ...body,
    summary: {
      order: reverse ? 'reverse_chronological' : 'chronological',
      total_count: comments.length,
      can_comment: true,
    },
  };
}

/** `{data, paging}` with cursors and a `next` link that repeats this request (§ paging.ts). */
function list<T>(
  req: GraphRequest,
  items: readonly T[],
  idOf: (item: T) => string,
  render: (item: T) => unknown,
) {
  const url = new URL(req.c.req.url);
  const { slice, paging } = paginate(
    items,
    idOf,
    {
      limit: req.params.string('limit'),
      after: req.params.string('after'),
      before: req.params.string('before'),
    },
    (cursor) => {
      const next = new URL(`${req.ctx.config.publicUrl.replace(/\/$/, '')}${url.pathname}${url.search}`);
      next.searchParams.delete('after');
      next.searchParams.delete('before');
      for (const [k, v] of Object.entries(cursor)) if (v) next.searchParams.set(k, v);
      return next.toString();
    },
  );
  return { data: slice.map(render), ...(paging ? { paging } : {}) };
}
