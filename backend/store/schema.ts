import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased by the use cases, so the unique index is case-insensitive in effect.
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'supervisor', 'agent'] }).notNull(),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_check', sql`${t.role} in ('admin', 'supervisor', 'agent')`)],
);

/** Sessions keep only the SHA-256 of the opaque token: a database dump cannot be replayed. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per account, for throttling; rows older than the window are pruned. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('login_failures_email_at_idx').on(t.email, t.at)],
);

export type UserRow = typeof users.$inferSelect;

// ── Facebook pages and their tokens ──────────────────────────────────────────────────────────

/** A linked Facebook Page. The token is AES-256-GCM ciphertext; health says whether it still works. */
export const pages = pgTable('pages', {
  id: text('id').primaryKey(), // Graph page id (a string: ids exceed 2^53)
  name: text('name').notNull(),
  tokenCiphertext: text('token_ciphertext').notNull(),
  scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
  health: text('health', { enum: ['active', 'invalid'] })
    .notNull()
    .default('active'),
  healthReason: text('health_reason'),
  healthCheckedAt: timestamp('health_checked_at', { withTimezone: true }),
  healthChangedAt: timestamp('health_changed_at', { withTimezone: true }).notNull().defaultNow(),
  humanAgentEnabled: boolean('human_agent_enabled').notNull().default(false),
  linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One "Activate with Facebook" attempt: the CSRF state (hashed), then the pages the admin granted
 * (with their tokens encrypted) until one is picked. Expires after 15 minutes.
 */
export const activations = pgTable('activations', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateHash: text('state_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text('status', { enum: ['pending', 'ready', 'failed', 'done'] })
    .notNull()
    .default('pending'),
  error: text('error'),
  pagesCiphertext: text('pages_ciphertext'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

// ── Inbound webhooks ─────────────────────────────────────────────────────────────────────────

/** Every verified webhook body, stored before the 200 so nothing Meta delivered can be lost. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'processed', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('webhook_deliveries_pending_idx').on(t.id).where(sql`${t.status} = 'pending'`)],
);

/** Ids of webhook events already applied: the processor is idempotent on them. */
export const processedEvents = pgTable('processed_events', {
  dedupeKey: text('dedupe_key').primaryKey(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Webhook events for pages that are not linked: kept (and logged), never a 500. */
export const unroutedEvents = pgTable('unrouted_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  pageId: text('page_id').notNull(),
  kind: text('kind').notNull(),
  event: jsonb('event').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

// ── Conversations: posts, comments, Messenger messages ──────────────────────────────────────

export const posts = pgTable(
  'posts',
  {
    id: text('id').primaryKey(),
    pageId: text('page_id').notNull(),
    fromId: text('from_id'),
    fromName: text('from_name'),
    message: text('message').notNull().default(''),
    photoUrl: text('photo_url'),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('posts_page_idx').on(t.pageId)],
);

export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    pageId: text('page_id').notNull(),
    postId: text('post_id').notNull(),
    parentId: text('parent_id'),
    /** The top-level comment of the thread (itself when top-level): the unit of work. */
    threadId: text('thread_id').notNull(),
    fromId: text('from_id'),
    fromName: text('from_name'),
    fromPage: boolean('from_page').notNull().default(false),
    message: text('message').notNull().default(''),
    photoUrl: text('photo_url'),
    videoUrl: text('video_url'),
    createdAt: timestamp('created_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    hidden: boolean('hidden').notNull().default(false),
    /** Our agent who wrote it, when it is a reply sent through Pagedesk. */
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    agentName: text('agent_name'),
    privateReplySentAt: timestamp('private_reply_sent_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_thread_idx').on(t.threadId, t.createdAt),
    index('comments_post_idx').on(t.postId),
    // Recordings' free text: a substring (ILIKE) search over a million messages needs trigrams.
    index('comments_message_trgm_idx').using('gin', t.message.op('gin_trgm_ops')),
  ],
);

export const messengerMessages = pgTable(
  'messenger_messages',
  {
    mid: text('mid').primaryKey(),
    pageId: text('page_id').notNull(),
    psid: text('psid').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    text: text('text'),
    attachments: jsonb('attachments').$type<unknown[]>().notNull().default([]),
    quickReplyPayload: text('quick_reply_payload'),
    replyToMid: text('reply_to_mid'),
    appId: text('app_id'),
    metadata: text('metadata'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    agentName: text('agent_name'),
  },
  (t) => [
    index('messenger_messages_conversation_idx').on(t.pageId, t.psid, t.sentAt),
    index('messenger_messages_text_trgm_idx').using('gin', t.text.op('gin_trgm_ops')),
  ],
);

// ── Outbound ─────────────────────────────────────────────────────────────────────────────────

/**
 * Replies waiting to be sent, in order per conversation. `held` rows wait for the page's token to
 * be re-activated; `failed` rows carry a reason a person can read.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pageId: text('page_id').notNull(),
    conversationKey: text('conversation_key').notNull(),
    kind: text('kind', { enum: ['comment_reply', 'private_reply', 'message'] }).notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'held'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    graphId: text('graph_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The interaction the agent replied in: the composer shows its replies' delivery. */
    interactionId: uuid('interaction_id').references(() => interactions.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_conversation_idx').on(t.conversationKey, t.id),
    index('outbox_interaction_idx').on(t.interactionId, t.id),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres wants a Buffer; PGlite takes any Uint8Array. Both read back a Uint8Array (Buffer).
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Files agents attach to replies. Facebook fetches them from `/media/<id>/<name>`: the random uuid
 * is the only secret, so the bytes are public to whoever holds the link.
 */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  bytes: bytea('bytes').notNull(),
  type: text('type').notNull(),
  size: integer('size').notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ── Campaigns, presence and interactions ─────────────────────────────────────────────────────

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    pageId: text('page_id')
      .notNull()
      .references(() => pages.id),
    channel: text('channel', { enum: ['facebook', 'messenger'] }).notNull(),
    strategy: text('strategy', {
      enum: ['ringall', 'leastrecent', 'fewestcalls', 'random', 'rrmemory', 'linear', 'wrandom'],
    }).notNull(),
    schedule: jsonb('schedule')
      .$type<{ weekday: number; from: string; to: string }[]>()
      .notNull()
      .default([]),
    timeZone: text('time_zone').notNull().default('UTC'),
    thresholds: jsonb('thresholds')
      .$type<{ serviceLevel: number; dropout: number; chatTime: number; acd: number }>()
      .notNull(),
    maxPerAgent: integer('max_per_agent').notNull().default(3),
    enabled: boolean('enabled').notNull().default(true),
    cannedResponses: jsonb('canned_responses')
      .$type<{ id: string; title: string; text: string }[]>()
      .notNull()
      .default([]),
    /** rrmemory's memory: the member who got the previous interaction. */
    lastAgentId: uuid('last_agent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A Page has at most one campaign per channel: a comment or a chat is never routed twice.
  (t) => [uniqueIndex('campaigns_page_channel_idx').on(t.pageId, t.channel)],
);

export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    penalty: integer('penalty').notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index('campaign_members_user_idx').on(t.userId)],
);

/** An agent's status; `lastSeenAt` is refreshed while a socket is open, for the disconnect grace. */
export const agentPresence = pgTable('agent_presence', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text('status', { enum: ['offline', 'available', 'break'] })
    .notNull()
    .default('offline'),
  breakReason: text('break_reason'),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  loginAt: timestamp('login_at', { withTimezone: true }),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
});

/**
 * One unit of work: a top-level comment thread (facebook) or a chat with one person from the first
 * message until completed (messenger). `firstQueuedAt` orders the queue, so work returned to the
 * queue goes back to its place at the head.
 */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    pageId: text('page_id').notNull(),
    channel: text('channel', { enum: ['facebook', 'messenger'] }).notNull(),
    /** The top-level comment id (facebook) or the PSID (messenger). */
    threadKey: text('thread_key').notNull(),
    customerId: text('customer_id'),
    customerName: text('customer_name'),
    state: text('state', {
      enum: ['queued', 'offered', 'assigned', 'answered', 'completed', 'abandoned', 'expired'],
    }).notNull(),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    firstQueuedAt: timestamp('first_queued_at', { withTimezone: true }).notNull(),
    /**
     * Arrival order: Facebook's comment times have one-second precision, so arrivals within a second
     * tie on firstQueuedAt. (firstQueuedAt, seq) is the queue's FIFO order.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    lastCustomerAt: timestamp('last_customer_at', { withTimezone: true }),
    disposition: text('disposition'),
  },
  (t) => [
    index('interactions_queue_idx').on(t.campaignId, t.firstQueuedAt).where(sql`${t.state} = 'queued'`),
    index('interactions_agent_idx').on(t.agentId, t.state),
    // Routing counts each member's open work in the campaign.
    index('interactions_open_work_idx')
      .on(t.campaignId, t.agentId)
      .where(sql`${t.state} in ('assigned', 'answered')`),
    // Routing reads every member's last completion and completions today: a short range each.
    index('interactions_completed_idx')
      .on(t.campaignId, t.agentId, t.endedAt)
      .where(sql`${t.state} = 'completed'`),
    // One open interaction per thread: a new comment in the thread joins it instead of opening another.
    uniqueIndex('interactions_open_thread_idx')
      .on(t.campaignId, t.threadKey)
      .where(sql`${t.state} in ('queued', 'offered', 'assigned', 'answered')`),
    // Recordings: newest first by first arrival, filtered by campaign, by agent, or by dates alone.
    index('interactions_campaign_queued_idx').on(t.campaignId, t.firstQueuedAt, t.id),
    index('interactions_agent_queued_idx').on(t.agentId, t.firstQueuedAt, t.id),
    index('interactions_queued_idx').on(t.firstQueuedAt, t.id),
    // Which interaction of a chat or thread a message belongs to (the latest started before it).
    index('interactions_thread_time_idx').on(t.pageId, t.threadKey, t.firstQueuedAt),
    // The board's "today": what ended since the campaign's midnight (open ones use the index above).
    index('interactions_campaign_ended_idx').on(t.campaignId, t.endedAt),
    index('interactions_customer_name_trgm_idx').using('gin', t.customerName.op('gin_trgm_ops')),
  ],
);

/** Every lifecycle step with its time and actor: the source of the metrics and the recordings. */
export const interactionTransitions = pgTable(
  'interaction_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    state: text('state', {
      enum: ['queued', 'offered', 'assigned', 'answered', 'completed', 'abandoned', 'expired'],
    }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    agentId: uuid('agent_id'),
    /** Who did it: an agent, a supervisor, or the system (routing, timers, webhooks). */
    actorId: uuid('actor_id'),
    note: text('note'),
  },
  (t) => [index('interaction_transitions_interaction_idx').on(t.interactionId, t.at)],
);

/** Open ringall offers; the first member to accept takes the interaction and the rest are withdrawn. */
export const interactionOffers = pgTable(
  'interaction_offers',
  {
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.agentId] }),
    index('interaction_offers_agent_idx').on(t.agentId),
  ],
);

// ── Supervision ──────────────────────────────────────────────────────────────────────────────

/** The supervisors who watch a campaign: its board, queue, recordings, and the actions on its agents. */
export const campaignSupervisors = pgTable(
  'campaign_supervisors',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    index('campaign_supervisors_user_idx').on(t.userId),
  ],
);

/**
 * Who did what to whom: supervisors' spy, info, pause and logout, newest first for admins. Rows
 * outlive their users (the ids are kept as they were; names are looked up when shown).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action', { enum: ['spy', 'info', 'pause', 'logout'] }).notNull(),
    targetUserId: uuid('target_user_id'),
    interactionId: uuid('interaction_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at, t.id)],
);
