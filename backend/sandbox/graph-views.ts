import { graphTime } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { pickFields } from './graph-params.ts';
import type { Comment, Page, Person, Post, User } from './model.ts';
import { PRIVATE_REPLY_MS } from './send-api-rules.ts';
import { permalinkOf } from './webhook-payloads.ts';

/**
 * How Graph reads render each node: every field the sandbox knows, trimmed to `fields=` or to
 * Meta's default set for that node type. Times are ISO strings with `+0000`, unlike webhooks.
 */

export function pageView(page: Page, fields: string[] | undefined) {
  return pickFields(
    {
      id: page.id,
      name: page.name,
      category: page.category,
      category_list: [{ id: '2201', name: page.category }],
      link: `https://www.facebook.com/${page.id}`,
    },
    fields,
    ['name', 'id'],
  );
}

export function userView(user: User, fields: string[] | undefined) {
  const [first, ...rest] = user.name.split(' ');
  return pickFields({ id: user.id, name: user.name, first_name: first, last_name: rest.join(' ') }, fields, [
    'name',
    'id',
  ]);
}

/** A customer seen through their PSID (Messenger User Profile API). */
export function profileView(person: Person, psid: string, fields: string[] | undefined) {
  const [first, ...rest] = person.name.split(' ');
  return pickFields(
    {
      first_name: first,
      last_name: rest.join(' '),
      name: person.name,
      profile_pic: `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${psid}`,
      id: psid,
    },
    fields,
    ['first_name', 'last_name', 'profile_pic', 'id'],
  );
}

export function postView(ctx: SandboxContext, post: Post, fields: string[] | undefined) {
  const page = ctx.state.pages.get(post.pageId);
  return pickFields(
    {
      created_time: graphTime(post.createdAt),
      message: post.message,
      from: page ? { name: page.name, id: page.id } : undefined,
      full_picture: post.photoUrl,
      permalink_url: permalinkOf(post),
      status_type: post.photoUrl ? 'added_photos' : 'mobile_status_update',
      is_published: true,
      updated_time: graphTime(post.createdAt),
      id: post.id,
    },
    fields,
    ['created_time', 'message', 'id'],
  );
}

/** Whether the Page may still answer this comment in Messenger (once, within 7 days, §3.2). */
export function canReplyPrivately(ctx: SandboxContext, comment: Comment): boolean {
  return (
    comment.from.kind === 'person' &&
    comment.privateReplyAt === undefined &&
    ctx.clock.now() - comment.createdAt <= PRIVATE_REPLY_MS
  );
}

/** `withFrom`: the commenter is shown only to a Page token (§3.1). */
export function commentView(
  ctx: SandboxContext,
  comment: Comment,
  fields: string[] | undefined,
  opts: { withFrom: boolean },
) {
  const post = ctx.state.posts.get(comment.postId);
  const parent = comment.parentId === comment.postId ? undefined : ctx.state.comments.get(comment.parentId);
  const from = opts.withFrom ? { name: comment.from.name, id: comment.from.id } : undefined;
  return pickFields(
    {
      created_time: graphTime(comment.createdAt),
      from,
      message: comment.message,
      attachment: comment.photoUrl
        ? {
            type: 'photo',
            url: comment.photoUrl,
            media: { image: { src: comment.photoUrl, height: 720, width: 720 } },
          }
        : undefined,
      parent: parent
        ? pickFields(
            {
              created_time: graphTime(parent.createdAt),
              from: opts.withFrom ? { name: parent.from.name, id: parent.from.id } : undefined,
              message: parent.message,
              id: parent.id,
            },
            undefined,
            ['created_time', 'from', 'message', 'id'],
          )
        : undefined,
      can_comment: parent === undefined,
      can_hide: comment.from.kind === 'person',
      can_remove: true,
      can_reply_privately: canReplyPrivately(ctx, comment),
      comment_count: ctx.state.childrenOf(comment.id).length,
      is_hidden: comment.hidden,
      like_count: 0,
      permalink_url: post ? permalinkOf(post, comment) : undefined,
      id: comment.id,
    },
    fields,
    ['created_time', 'from', 'message', 'id'],
  );
}
