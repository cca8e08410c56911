import { graphTime } from './clock.ts';
import type { SandboxContext } from './context.ts';
import type { Comment, Conversation, Message, Page, Post } from './model.ts';

/** JSON views of the sandbox for the control API and the customer page (camelCase, ISO times). */

export function pageSummary(ctx: SandboxContext, page: Page) {
  return {
    id: page.id,
    name: page.name,
    adminIds: page.adminIds,
    humanAgent: page.humanAgent,
    subscribedFields: ctx.state.subscriptions.get(page.id)?.fields ?? null,
  };
}

export function postSummary(post: Post) {
  return {
    id: post.id,
    pageId: post.pageId,
    message: post.message,
    photoUrl: post.photoUrl ?? null,
    createdTime: graphTime(post.createdAt),
  };
}

export function commentSummary(comment: Comment) {
  return {
    id: comment.id,
    postId: comment.postId,
    parentId: comment.parentId,
    from: { id: comment.from.id, name: comment.from.name, isPage: comment.from.kind === 'page' },
    message: comment.message,
    photoUrl: comment.photoUrl ?? null,
    createdTime: graphTime(comment.createdAt),
    edited: comment.editedAt !== undefined,
    hidden: comment.hidden,
    deleted: comment.deleted,
    privateReplySent: comment.privateReplyAt !== undefined,
  };
}

export function messageSummary(message: Message) {
  return {
    mid: message.mid,
    from: message.direction === 'in' ? 'customer' : 'page',
    text: message.text ?? null,
    attachments: message.attachments ?? [],
    createdTime: new Date(message.createdAt).toISOString(),
    ...(message.quickReplyPayload !== undefined ? { quickReply: message.quickReplyPayload } : {}),
    ...(message.replyToMid ? { replyToMid: message.replyToMid } : {}),
    ...(message.metadata !== undefined ? { metadata: message.metadata } : {}),
    ...(message.tag ? { tag: message.tag } : {}),
    ...(message.commentId ? { privateReplyTo: message.commentId } : {}),
  };
}

export function conversationSummary(ctx: SandboxContext, conv: Conversation) {
  const owner = ctx.state.psids.get(conv.psid);
  const person = owner && ctx.state.people.get(owner.userId);
  return {
    id: conv.id,
    pageId: conv.pageId,
    psid: conv.psid,
    customer: person ? { id: person.userId, name: person.name } : null,
    blocked: person?.blockedPageIds.has(conv.pageId) ?? false,
    lastCustomerMessageTime:
      conv.lastInboundAt === undefined ? null : new Date(conv.lastInboundAt).toISOString(),
    messages: conv.messages.map(messageSummary),
  };
}

/** Everything, for `GET /_sandbox/state` (token values left out: they are credentials, even here). */
export function stateView(ctx: SandboxContext) {
  const tokens = [...ctx.state.tokens.values()];
  return {
    now: new Date(ctx.clock.now()).toISOString(),
    app: {
      id: ctx.config.appId,
      name: ctx.config.appName,
      webhookUrl: ctx.config.webhookUrl ?? null,
      duplicateRate: ctx.delivery.duplicateRate,
    },
    users: [...ctx.state.users.values()],
    pages: [...ctx.state.pages.values()].map((p) => pageSummary(ctx, p)),
    grants: [...ctx.state.grants.values()].map((g) => ({
      ...g,
      grantedAt: new Date(g.grantedAt).toISOString(),
    })),
    tokens: {
      user: tokens.filter((t) => t.kind === 'user').length,
      page: tokens.filter((t) => t.kind === 'page').length,
      invalidated: tokens.filter((t) => t.invalidated).length,
    },
    posts: [...ctx.state.posts.values()].map(postSummary),
    comments: [...ctx.state.comments.values()].map(commentSummary),
    customers: [...ctx.state.people.values()].map((p) => ({
      id: p.userId,
      name: p.name,
      psids: Object.fromEntries(p.psids),
      blockedPageIds: [...p.blockedPageIds],
    })),
    conversations: [...ctx.state.conversations.values()].map((c) => conversationSummary(ctx, c)),
    faults: ctx.faults.active().map((f) => ({ ...f, until: new Date(f.until).toISOString() })),
    delivery: { ...ctx.delivery.stats(), ...ctx.publisher.counts, recent: ctx.delivery.recent() },
  };
}

/**
 * What customers see of a Page: its posts with their comment threads (the Page's public replies
 * included) and the Messenger threads in both directions.
 */
export function inboxView(ctx: SandboxContext, page: Page) {
  const thread = (parentId: string): unknown[] =>
    ctx.state.childrenOf(parentId).map((c) => ({ ...commentSummary(c), replies: thread(c.id) }));
  return {
    page: { id: page.id, name: page.name },
    posts: [...ctx.state.posts.values()]
      .filter((p) => p.pageId === page.id)
      .reverse()
      .map((p) => ({ ...postSummary(p), comments: thread(p.id) })),
    conversations: [...ctx.state.conversations.values()]
      .filter((c) => c.pageId === page.id)
      .map((c) => conversationSummary(ctx, c)),
  };
}
