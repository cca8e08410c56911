import type { Hono } from 'hono';
import type { SandboxContext } from './context.ts';
import { ControlError, found, parseBody } from './control-error.ts';
import {
  blockSchema,
  createPageSchema,
  createPostSchema,
  createUserSchema,
  customerCommentSchema,
  customerMessageSchema,
  editCommentSchema,
  humanAgentSchema,
} from './control-schemas.ts';
import { commentSummary, inboxView, pageSummary, postSummary } from './control-views.ts';

/**
 * The world as customers and admins shape it: Pages, posts, customers' comments and messages,
 * blocking, the Human Agent feature. Each change sends the webhook Facebook would send, if the
 * app is subscribed to that field on that Page.
 */
export function mountWorldRoutes(app: Hono, ctx: SandboxContext): void {
  const { state } = ctx;
  const page = (id: string) => found(state.pages.get(id), `Page ${id}`);

  app.post('/users', async (c) => {
    const body = await parseBody(c, createUserSchema);
    return c.json(state.createUser(body.name), 201);
  });

  app.get('/pages', (c) => c.json([...state.pages.values()].map((p) => pageSummary(ctx, p))));

  /** The Page token returned here never expires and holds every permission (no login needed). */
  app.post('/pages', async (c) => {
    const body = await parseBody(c, createPageSchema);
    const adminId = body.adminUserId ?? state.defaultAdmin.id;
    found(state.users.get(adminId), `User ${adminId}`);
    const created = state.createPage(body.name, adminId);
    const token = ctx.tokens.issueSandboxPageToken(created.id, adminId);
    return c.json({ id: created.id, name: created.name, access_token: token.value }, 201);
  });

  app.post('/pages/:id/posts', async (c) => {
    const body = await parseBody(c, createPostSchema);
    const post = ctx.feed.publishPost(page(c.req.param('id')), body.message, body.photoUrl);
    return c.json(postSummary(post), 201);
  });

  app.post('/posts/:postId/comments', async (c) => {
    const body = await parseBody(c, customerCommentSchema);
    const post = found(state.posts.get(c.req.param('postId')), 'Post');
    const parent = body.parentId ? found(state.comments.get(body.parentId), 'Parent comment') : undefined;
    if (parent && (parent.postId !== post.id || parent.deleted)) {
      throw new ControlError(400, 'parentId must be a live comment on the same post.');
    }
    const person = state.person({
      name: body.customer.name,
      ...(body.customer.id ? { userId: body.customer.id } : {}),
    })!;
    const comment = ctx.feed.comment(
      post,
      { kind: 'person', id: person.userId, name: person.name },
      body.message,
      {
        ...(parent ? { replyTo: parent } : {}),
        ...(body.photoUrl ? { photoUrl: body.photoUrl } : {}),
      },
    );
    return c.json(commentSummary(comment), 201);
  });

  app.patch('/comments/:id', async (c) => {
    const body = await parseBody(c, editCommentSchema);
    const comment = liveComment(ctx, c.req.param('id'));
    ctx.feed.edit(comment, body.message);
    return c.json(commentSummary(comment));
  });

  app.delete('/comments/:id', (c) => {
    const comment = liveComment(ctx, c.req.param('id'));
    ctx.feed.remove(comment);
    return c.json(commentSummary(comment));
  });

  app.post('/pages/:id/messages', async (c) => {
    const body = await parseBody(c, customerMessageSchema);
    const target = page(c.req.param('id'));
    const person = body.customer.psid
      ? found(
          state.person({ psid: body.customer.psid }, target.id),
          `PSID ${body.customer.psid} on this Page`,
        )
      : state.person({ name: body.customer.name })!;
    if (person.blockedPageIds.has(target.id))
      throw new ControlError(409, 'This customer has blocked the Page.');
    const { conversation, message } = ctx.messenger.receive(target.id, person, {
      ...(body.text ? { text: body.text } : {}),
      ...(body.attachments?.length ? { attachments: body.attachments } : {}),
      ...(body.quickReply !== undefined
        ? {
            quickReplyPayload:
              typeof body.quickReply === 'string' ? body.quickReply : body.quickReply.payload,
          }
        : {}),
      ...(body.replyToMid ? { replyToMid: body.replyToMid } : {}),
    });
    return c.json(
      {
        psid: conversation.psid,
        customerId: person.userId,
        mid: message.mid,
        conversationId: conversation.id,
      },
      201,
    );
  });

  app.post('/pages/:id/customers/:psid/block', async (c) => {
    const body = await parseBody(c, blockSchema);
    const target = page(c.req.param('id'));
    const person = found(state.person({ psid: c.req.param('psid') }, target.id), 'PSID on this Page');
    if (body.blocked) person.blockedPageIds.add(target.id);
    else person.blockedPageIds.delete(target.id);
    return c.json({ psid: c.req.param('psid'), blocked: body.blocked });
  });

  app.post('/pages/:id/human-agent', async (c) => {
    const body = await parseBody(c, humanAgentSchema);
    const target = page(c.req.param('id'));
    target.humanAgent = body.enabled;
    return c.json(pageSummary(ctx, target));
  });

  app.get('/pages/:id/inbox', (c) => c.json(inboxView(ctx, page(c.req.param('id')))));

  app.get('/files/:id', (c) => {
    const file = state.attachments.get(c.req.param('id'));
    if (!file?.bytes) throw new ControlError(404, 'File not found.');
    return c.body(file.bytes.slice().buffer, 200, {
      'content-type': file.contentType ?? 'application/octet-stream',
    });
  });
}

function liveComment(ctx: SandboxContext, id: string) {
  const comment = found(ctx.state.comments.get(id), 'Comment');
  if (comment.deleted) throw new ControlError(404, 'Comment not found.');
  return comment;
}
