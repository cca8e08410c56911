import { computed, signal } from '@preact/signals';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { request } from '../ui/runtime-client.ts';
import { type AttachmentProblem, checkAttachment, fileToBase64 } from './attachment-file.ts';
import { type CannedResponse, createCannedPicker } from './canned-picker.ts';
import type { ReplyInput } from './interaction-model.ts';
import { type LocalDb, localDb } from './local-db.ts';

/** Typing pauses this long before the draft is written: often enough to lose nothing that matters. */
export const DRAFT_SAVE_MS = 300;

export interface PickedAttachment {
  file: File;
  /** An object URL for the preview; revoked when the attachment goes. */
  previewUrl: string;
}

/** "/ship" at the start of an empty composer searches the canned responses for "ship". */
const SLASH = /^\/(\S*)$/;

/**
 * What the agent is writing: the text (saved as a draft while typed, restored on reopen), one
 * attachment (checked, previewed, uploaded on send), canned responses and emojis inserted at the
 * caret. Sending hands the reply to the interaction model, which shows it at once as pending.
 */
export function createComposerModel(opts: {
  interactionId: string;
  userId: string;
  reply: (input: ReplyInput) => Promise<boolean>;
  cannedResponses: () => readonly CannedResponse[];
  /** Every keystroke: collision control says "is replying". */
  onTyped?: () => void;
  send?: typeof request;
  db?: LocalDb;
  previews?: { create: (f: Blob) => string; revoke: (url: string) => void };
}) {
  const { interactionId, userId } = opts;
  const send = opts.send ?? request;
  const db = opts.db ?? localDb;
  const previews = opts.previews ?? {
    create: (f: Blob) => URL.createObjectURL(f),
    revoke: (url: string) => URL.revokeObjectURL(url),
  };

  const text = signal('');
  const attachment = signal<PickedAttachment | null>(null);
  const problem = signal<AttachmentProblem | null>(null);
  const error = signal<RuntimeError | null>(null);
  const sending = signal(false);
  const picker = createCannedPicker(opts.cannedResponses);
  /** The picker was opened by typing "/": choosing replaces the "/query". */
  const slash = signal(false);

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let touched = false;
  /** Escape closed the "/" list: it stays closed until the text stops looking like "/query". */
  let slashDismissed = false;

  function flush() {
    clearTimeout(saveTimer);
    if (!dirty) return;
    dirty = false;
    void db.saveDraft(interactionId, userId, text.value);
  }

  function setText(value: string) {
    text.value = value;
    touched = true;
    dirty = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, DRAFT_SAVE_MS);
    opts.onTyped?.();
    const m = SLASH.exec(value);
    if (!m) slashDismissed = false;
    if (m && !slashDismissed) {
      slash.value = true;
      if (picker.open.value) picker.search(m[1] ?? '');
      else picker.show(m[1] ?? '');
    } else if (slash.value) {
      slash.value = false;
      picker.hide();
    }
  }

  function clearAttachment() {
    if (attachment.value) previews.revoke(attachment.value.previewUrl);
    attachment.value = null;
  }

  return {
    text,
    attachment,
    problem,
    error,
    sending,
    picker,
    slash,
    canSend: computed(() => !sending.value && (text.value.trim() !== '' || attachment.value !== null)),
    async start(abort: AbortSignal) {
      const flushOnHide = () => flush();
      window.addEventListener('pagehide', flushOnHide);
      abort.addEventListener(
        'abort',
        () => {
          window.removeEventListener('pagehide', flushOnHide);
          flush();
          clearAttachment();
        },
        { once: true },
      );
      const draft = await db.loadDraft(interactionId, userId);
      // The agent may have started typing while the database answered: theirs wins.
      if (draft && !touched && !abort.aborted) text.value = draft;
    },
    setText,
    /**
     * Puts `snippet` in place of the selection [start, end) (the caret when equal; the end when
     * unknown) and says where the caret goes next.
     */
    insert(snippet: string, start = text.value.length, end = start) {
      const v = text.value;
      setText(v.slice(0, start) + snippet + v.slice(end));
      return start + snippet.length;
    },
    /** A canned response chosen in the picker; after "/query" it replaces that. */
    chooseCanned(response: CannedResponse, start?: number, end?: number) {
      const wasSlash = slash.value;
      picker.hide();
      slash.value = false;
      if (wasSlash) {
        setText(response.text);
        return response.text.length;
      }
      return this.insert(response.text, start, end);
    },
    /** Escape, or the list's own close: after "/", typing on does not reopen it. */
    closePicker() {
      if (slash.value) slashDismissed = true;
      slash.value = false;
      picker.hide();
    },
    /** Checked before anything is uploaded: a wrong file is refused with the reason. */
    pickFile(file: File) {
      error.value = null;
      const p = checkAttachment(file);
      problem.value = p;
      if (p) return false;
      clearAttachment();
      attachment.value = { file, previewUrl: previews.create(file) };
      return true;
    },
    removeAttachment() {
      clearAttachment();
      problem.value = null;
    },
    /** Uploads the attachment (if any), then hands the reply over; the composer empties at once. */
    async send(): Promise<boolean> {
      const body = text.value.trim();
      const picked = attachment.value;
      if (sending.value || (!body && !picked)) return false;
      sending.value = true;
      error.value = null;
      let attachmentUrl: string | undefined;
      if (picked) {
        const res = await send('attachments.upload', {
          name: picked.file.name,
          type: picked.file.type,
          base64: await fileToBase64(picked.file),
        });
        if (!res.ok) {
          sending.value = false;
          error.value = res.error;
          return false;
        }
        attachmentUrl = res.value.url;
      }
      const input: ReplyInput = {
        ...(body ? { text: body } : {}),
        ...(attachmentUrl ? { attachmentUrl } : {}),
      };
      const typed = text.value;
      clearTimeout(saveTimer);
      dirty = false;
      text.value = '';
      clearAttachment();
      picker.hide();
      const ok = await opts.reply(input);
      sending.value = false;
      if (ok) await db.deleteDraft(interactionId, userId);
      // Refused: the failed reply shows with a retry, and the words stay in the draft too.
      else if (!text.value) await db.saveDraft(interactionId, userId, typed);
      return ok;
    },
  };
}

export type ComposerModel = ReturnType<typeof createComposerModel>;
