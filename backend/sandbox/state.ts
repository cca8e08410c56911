import type { SandboxClock } from './clock.ts';
import type { IdFactory } from './ids.ts';
import type {
  AppSubscription,
  AuthCode,
  Author,
  Comment,
  Conversation,
  Grant,
  Page,
  Person,
  Post,
  Token,
  UploadedAttachment,
  User,
} from './model.ts';

/** What a Graph id names, once looked up. */
export type GraphNode =
  | { type: 'user'; user: User }
  | { type: 'page'; page: Page }
  | { type: 'post'; post: Post }
  | { type: 'comment'; comment: Comment }
  | { type: 'psid'; psid: string; pageId: string; person: Person };

/**
 * The sandbox's whole world in memory: plain maps plus the few constructors that keep ids and
 * indexes consistent. No rules and no webhooks here (those live in the activity modules), so the
 * control API and the Graph routes change the world the same way.
 */
export class SandboxState {
  readonly users = new Map<string, User>();
  readonly pages = new Map<string, Page>();
  /** One grant per user: this sandbox plays a single app. */
  readonly grants = new Map<string, Grant>();
  readonly tokens = new Map<string, Token>();
  readonly codes = new Map<string, AuthCode>();
  /** `${userToken}|${pageId}` → the Page token /me/accounts handed out for it (stable across calls). */
  readonly pageTokensByUserToken = new Map<string, string>();
  /** Page id → this app's webhook subscription on it (absent = not installed). */
  readonly subscriptions = new Map<string, AppSubscription>();
  readonly posts = new Map<string, Post>();
  readonly comments = new Map<string, Comment>();
  /** By app-scoped user id. */
  readonly people = new Map<string, Person>();
  /** PSID → who and which Page. */
  readonly psids = new Map<string, { pageId: string; userId: string }>();
  /** `${pageId}|${psid}` → the Messenger thread. */
  readonly conversations = new Map<string, Conversation>();
  readonly attachments = new Map<string, UploadedAttachment>();
  /** Parent (post or comment) id → child comment ids in creation order: threads without a full scan. */
  private readonly childIds = new Map<string, string[]>();
  defaultAdmin!: User;

  constructor(
    private readonly ids: IdFactory,
    private readonly clock: SandboxClock,
  ) {
    this.reset();
  }

  reset(): void {
    for (const map of [
      this.users,
      this.pages,
      this.grants,
      this.tokens,
      this.codes,
      this.pageTokensByUserToken,
      this.subscriptions,
      this.posts,
      this.comments,
      this.people,
      this.psids,
      this.conversations,
      this.attachments,
      this.childIds,
    ]) {
      map.clear();
    }
    this.ids.forget();
    this.defaultAdmin = this.createUser('Sandbox Admin');
  }

  createUser(name: string): User {
    const user = { id: this.ids.personId(), name };
    this.users.set(user.id, user);
    return user;
  }

  createPage(name: string, adminId = this.defaultAdmin.id): Page {
    const page: Page = {
      id: this.ids.numeric(15),
      name,
      category: 'Product/service',
      adminIds: [adminId],
      humanAgent: true,
      createdAt: this.clock.now(),
    };
    this.pages.set(page.id, page);
    return page;
  }

  createPost(pageId: string, message: string, photoUrl?: string): Post {
    const post: Post = {
      id: `${pageId}_${this.ids.numeric(15)}`,
      pageId,
      message,
      createdAt: this.clock.now(),
      ...(photoUrl ? { photoUrl } : {}),
    };
    this.posts.set(post.id, post);
    return post;
  }

  /** A comment on `post`; `replyTo` is flattened to its top-level comment, as Facebook threads one level deep. */
  createComment(
    post: Post,
    from: Author,
    message: string,
    opts: { replyTo?: Comment; photoUrl?: string } = {},
  ): Comment {
    const parent = opts.replyTo ? this.topLevelOf(opts.replyTo) : undefined;
    const comment: Comment = {
      id: `${postNumber(post.id)}_${this.ids.numeric(15)}`,
      postId: post.id,
      pageId: post.pageId,
      parentId: parent ? parent.id : post.id,
      from,
      message,
      createdAt: this.clock.now(),
      hidden: false,
      deleted: false,
      ...(opts.photoUrl ? { photoUrl: opts.photoUrl } : {}),
    };
    this.comments.set(comment.id, comment);
    const siblings = this.childIds.get(comment.parentId);
    if (siblings) siblings.push(comment.id);
    else this.childIds.set(comment.parentId, [comment.id]);
    return comment;
  }

  topLevelOf(comment: Comment): Comment {
    const parent = this.comments.get(comment.parentId);
    return parent ? this.topLevelOf(parent) : comment;
  }

  /** Live comments directly under a post (the top-level ones) or under a comment, oldest first. */
  childrenOf(parentId: string): Comment[] {
    const out: Comment[] = [];
    for (const id of this.childIds.get(parentId) ?? []) {
      const comment = this.comments.get(id);
      if (comment && !comment.deleted) out.push(comment);
    }
    return out;
  }

  /** Every live comment of a post, replies included, oldest first (Graph's `filter=stream`). */
  streamOf(postId: string): Comment[] {
    return this.childrenOf(postId)
      .flatMap((top) => [top, ...this.childrenOf(top.id)])
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Finds a customer by their comment id, by a PSID of `pageId`, or by name (so a demo typing the
   * same name twice is the same person), creating one when nothing matches and a name is given.
   */
  person(ref: { userId?: string; psid?: string; name?: string }, pageId?: string): Person | undefined {
    if (ref.userId)
      return this.people.get(ref.userId) ?? (ref.name ? this.newPerson(ref.name, ref.userId) : undefined);
    if (ref.psid) {
      const owner = this.psids.get(ref.psid);
      return owner && (!pageId || owner.pageId === pageId) ? this.people.get(owner.userId) : undefined;
    }
    if (!ref.name) return undefined;
    for (const p of this.people.values()) if (p.name === ref.name) return p;
    return this.newPerson(ref.name);
  }

  /** The person's PSID for `pageId`, minted the first time they meet the Page in Messenger. */
  psidFor(person: Person, pageId: string): string {
    let psid = person.psids.get(pageId);
    if (!psid) {
      psid = this.ids.personId();
      person.psids.set(pageId, psid);
      this.psids.set(psid, { pageId, userId: person.userId });
    }
    return psid;
  }

  conversation(pageId: string, psid: string): Conversation {
    const key = `${pageId}|${psid}`;
    let conv = this.conversations.get(key);
    if (!conv) {
      conv = { id: `t_${this.ids.numeric(16)}`, pageId, psid, messages: [] };
      this.conversations.set(key, conv);
    }
    return conv;
  }

  findConversation(pageId: string, psid: string): Conversation | undefined {
    return this.conversations.get(`${pageId}|${psid}`);
  }

  /** Resolves a Graph id to the object it names, or undefined (Meta then answers 100/33). */
  resolve(id: string): GraphNode | undefined {
    const page = this.pages.get(id);
    if (page) return { type: 'page', page };
    const post = this.posts.get(id);
    if (post) return { type: 'post', post };
    const comment = this.comments.get(id);
    if (comment && !comment.deleted) return { type: 'comment', comment };
    const user = this.users.get(id);
    if (user) return { type: 'user', user };
    const owner = this.psids.get(id);
    const person = owner && this.people.get(owner.userId);
    if (owner && person) return { type: 'psid', psid: id, pageId: owner.pageId, person };
    return undefined;
  }

  private newPerson(name: string, userId = this.ids.personId()): Person {
    const person: Person = { userId, name, psids: new Map(), blockedPageIds: new Set() };
    this.people.set(userId, person);
    return person;
  }
}

/** `{page-id}_{n}` → `n`: comment ids are built on the post's own number (§0). */
export function postNumber(postId: string): string {
  return postId.slice(postId.indexOf('_') + 1);
}
