import { applyCommentsAdded } from '../conversations/apply-feed-event.ts';
import { applyInbounds } from '../conversations/apply-messenger-event.ts';
import type {
  ActionableWebhookEvent,
  CommentAddedEvent,
  MessageReceivedEvent,
  PostbackReceivedEvent,
} from '../facebook/webhook-events.ts';
import { Changes } from '../interactions/changes.ts';
import { customersWrote } from '../interactions/from-webhook.ts';
import type { FindCampaign } from '../interactions/open-interaction.ts';
import type { Database } from '../store/database.ts';

type Batchable = CommentAddedEvent | MessageReceivedEvent | PostbackReceivedEvent;

// Bind parameters of the largest statement (a comment is 11) stay far below PostgreSQL's 65,535.
const MAX_EVENTS = 500;

/** Customers' new comments and messages: nearly all of the traffic, and written in bulk. */
export function isBatchable(e: ActionableWebhookEvent): e is Batchable {
  return e.kind === 'comment.added' || e.kind === 'message.received' || e.kind === 'postback.received';
}

/**
 * The new comments and messages of a webhook round, written together: a few statements for all of
 * them (their posts, the comments, the messages, the interactions they open or join) instead of
 * three or four per event, which was most of the backend's work per event (bench e2e). The round
 * flushes it before any other kind of event, so every event still sees those before it applied.
 */
export class EventBatch {
  private events: Batchable[] = [];

  constructor(
    private readonly db: Database,
    private readonly findCampaign: FindCampaign,
  ) {}

  async add(e: Batchable): Promise<Changes> {
    this.events.push(e);
    return this.events.length >= MAX_EVENTS ? this.flush() : new Changes();
  }

  async flush(): Promise<Changes> {
    const events = this.events;
    if (events.length === 0) return new Changes();
    this.events = [];
    await applyCommentsAdded(
      this.db,
      events.filter((e): e is CommentAddedEvent => e.kind === 'comment.added'),
    );
    await applyInbounds(
      this.db,
      events.filter((e): e is MessageReceivedEvent | PostbackReceivedEvent => e.kind !== 'comment.added'),
    );
    return customersWrote(this.db, events, this.findCampaign);
  }
}
