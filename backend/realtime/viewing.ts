import { eq } from 'drizzle-orm';
import { VIEWER_TTL_MS, type ViewerView } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { isOfferedTo } from '../interactions/agent-work.ts';
import type { Database } from '../store/database.ts';
import { interactions } from '../store/schema.ts';
import { mayReceive, type Viewer } from './audience.ts';
import type { Emit } from './emit.ts';

/** One announcement per interaction per second per socket; extras are dropped, not queued. */
export const VIEWING_MIN_INTERVAL_MS = 1_000;
/** A socket follows at most this many interactions at once (each entry lapses after the TTL). */
const MAX_TRACKED = 20;

type Target = { agentId: string | null; campaignId: string };

/**
 * Collision control for one socket: turns its `{type:'viewing'}` messages into `interaction.viewer`
 * events for the interactions its user may see, and says `left` for them when the socket closes.
 */
export class SocketViewing {
  /** When each interaction was last announced (or refused), for the rate limit. */
  private readonly lastAt = new Map<string, number>();
  /** Interactions announced and not yet left: what closing the socket takes back. */
  private readonly announced = new Map<string, Target>();
  private ended = false;

  constructor(
    private readonly deps: { db: Database; emit: Emit; now: () => Date },
    private readonly who: Viewer & { name: string },
  ) {}

  async handle(interactionId: string, activity: ViewerView['activity']): Promise<void> {
    if (this.ended) return;
    if (activity === 'left') {
      const target = this.announced.get(interactionId);
      if (!target) return; // never announced: nothing to take back
      // lastAt stays: leaving and coming back is rate-limited like any announcement.
      this.announced.delete(interactionId);
      this.emit(interactionId, target, 'left');
      return;
    }
    const now = this.deps.now().getTime();
    const last = this.lastAt.get(interactionId);
    if (last !== undefined && now - last < VIEWING_MIN_INTERVAL_MS) return;
    if (last === undefined && !this.makeRoom(now)) return;
    // Set before the lookup, so a burst arriving meanwhile is dropped too.
    this.lastAt.set(interactionId, now);
    // Checked on every announcement: an interaction taken away stops being announceable at once.
    const target = await this.authorize(interactionId);
    if (this.ended) return; // the socket closed during the lookup: its `left` is already out
    if (!target) {
      this.announced.delete(interactionId);
      return;
    }
    this.announced.set(interactionId, target);
    this.emit(interactionId, target, activity);
  }

  /** The socket closed: everyone watching these interactions with us learns we left. */
  closed(): void {
    this.ended = true;
    for (const [id, target] of this.announced) this.emit(id, target, 'left');
    this.announced.clear();
    this.lastAt.clear();
  }

  private makeRoom(now: number): boolean {
    if (this.lastAt.size < MAX_TRACKED) return true;
    // Clients forget a viewer after the TTL: entries that old need no `left` and may go.
    for (const [id, at] of this.lastAt) {
      if (now - at > VIEWER_TTL_MS) {
        this.lastAt.delete(id);
        this.announced.delete(id);
      }
    }
    return this.lastAt.size < MAX_TRACKED;
  }

  /** Who may follow an interaction's messages may say they view it; an agent also what is offered to them. */
  private async authorize(interactionId: string): Promise<Target | undefined> {
    const [i] = await this.deps.db
      .select({ agentId: interactions.agentId, campaignId: interactions.campaignId })
      .from(interactions)
      .where(eq(interactions.id, interactionId))
      .limit(1);
    if (!i) return undefined;
    const follows = mayReceive(this.who, { type: 'interaction.message', interactionId, ...i });
    if (follows) return i;
    if (this.who.role === 'agent' && (await isOfferedTo(this.deps.db, interactionId, this.who.userId)))
      return i;
    return undefined;
  }

  private emit(interactionId: string, target: Target, activity: ViewerView['activity']) {
    const event: DomainEvent = {
      type: 'interaction.viewer',
      viewer: { interactionId, userId: this.who.userId, name: this.who.name, role: this.who.role, activity },
      agentId: target.agentId,
      campaignId: target.campaignId,
    };
    this.deps.emit(event);
  }
}
