import type { SandboxClock } from './clock.ts';
import type { IdFactory } from './ids.ts';
import type { Conversation, Message, MessageAttachment, Person } from './model.ts';
import type { SandboxState } from './state.ts';
import { echoEvent, inboundMessageEvent } from './webhook-payloads.ts';
import type { WebhookPublisher } from './webhook-publisher.ts';

export interface InboundInput {
  text?: string;
  attachments?: MessageAttachment[];
  quickReplyPayload?: string;
  replyToMid?: string;
}

export type OutboundInput = Omit<Message, 'mid' | 'direction' | 'createdAt'>;

/**
 * Messenger traffic in both directions. A customer's message opens (or renews) the 24 h window and
 * is delivered on the `messages` field; every message the Page sends is echoed on `message_echoes`
 * with our app id, as Meta does for all apps and the Page inbox (§2.2).
 */
export class MessengerActivity {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly ids: IdFactory,
    private readonly publisher: WebhookPublisher,
    private readonly appId: string,
  ) {}

  receive(
    pageId: string,
    person: Person,
    input: InboundInput,
  ): { conversation: Conversation; message: Message } {
    const psid = this.state.psidFor(person, pageId);
    const conversation = this.state.conversation(pageId, psid);
    const message: Message = { mid: this.ids.mid(), direction: 'in', createdAt: this.clock.now(), ...input };
    conversation.messages.push(message);
    conversation.lastInboundAt = message.createdAt;
    this.publisher.publish({
      pageId,
      field: 'messages',
      kind: 'messaging',
      payload: inboundMessageEvent(pageId, psid, message),
    });
    return { conversation, message };
  }

  send(conversation: Conversation, input: OutboundInput): Message {
    const message: Message = { mid: this.ids.mid(), direction: 'out', createdAt: this.clock.now(), ...input };
    conversation.messages.push(message);
    this.publisher.publish({
      pageId: conversation.pageId,
      field: 'message_echoes',
      kind: 'messaging',
      payload: echoEvent(conversation.pageId, conversation.psid, message, this.appId),
    });
    return message;
  }
}
