import type { SandboxClock } from './clock.ts';
import type { Author, Comment, Page, Post } from './model.ts';
import type { SandboxState } from './state.ts';
import { type CommentVerb, commentChangeValue, postChangeValue } from './webhook-payloads.ts';
import type { WebhookPublisher } from './webhook-publisher.ts';

/**
 * Changes to posts and comments, whoever makes them (a customer through the control API, the Page
 * through Graph), each followed by the `feed` webhook Facebook would send. The Page's own comments
 * come back as `feed` events too, with `from.id` = the Page (§2.1).
 */
export class FeedActivity {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly publisher: WebhookPublisher,
  ) {}

  publishPost(page: Page, message: string, photoUrl?: string): Post {
    const post = this.state.createPost(page.id, message, photoUrl);
    this.emit(page.id, postChangeValue(post, page));
    return post;
  }

  comment(
    post: Post,
    from: Author,
    message: string,
    opts: { replyTo?: Comment; photoUrl?: string } = {},
  ): Comment {
    const comment = this.state.createComment(post, from, message, opts);
    this.emitComment(comment, 'add');
    return comment;
  }

  edit(comment: Comment, message: string): void {
    comment.message = message;
    comment.editedAt = this.clock.now();
    this.emitComment(comment, 'edited');
  }

  remove(comment: Comment): void {
    comment.deleted = true;
    this.emitComment(comment, 'remove');
    // Replies disappear with their comment on Facebook.
    for (const reply of this.state.childrenOf(comment.id)) reply.deleted = true;
  }

  setHidden(comment: Comment, hidden: boolean): void {
    if (comment.hidden === hidden) return;
    comment.hidden = hidden;
    this.emitComment(comment, hidden ? 'hide' : 'unhide');
  }

  private emitComment(comment: Comment, verb: CommentVerb): void {
    const post = this.state.posts.get(comment.postId);
    if (post) this.emit(comment.pageId, commentChangeValue(comment, post, verb, this.clock.now()));
  }

  private emit(pageId: string, value: unknown): void {
    this.publisher.publish({ pageId, field: 'feed', kind: 'changes', payload: value });
  }
}
