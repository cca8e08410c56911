import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../shared/api/interactions.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import { createComposerModel, DRAFT_SAVE_MS } from './composer-model.ts';
import type { ReplyInput } from './interaction-model.ts';
import { localDb } from './local-db.ts';
import { fakeSend, INTERACTION_ID, ME } from './sidebar-test-fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await localDb.clearUser(ME);
});

const canned = [
  { title: 'Hello', text: 'Hi! How can we help?' },
  { title: 'Shipping', text: 'We ship everywhere in 3 days.' },
];

function setup(opts: { replyOk?: boolean; upload?: RuntimeResult<unknown> } = {}) {
  const replies: ReplyInput[] = [];
  const background = fakeSend({
    'attachments.upload': opts.upload ?? {
      ok: true,
      value: { id: 'f1', url: 'https://backend.test/files/f1', type: 'image/png', size: 3, name: 'a.png' },
    },
  });
  const revoked: string[] = [];
  let typed = 0;
  const model = createComposerModel({
    interactionId: INTERACTION_ID,
    userId: ME,
    reply: async (input) => {
      replies.push(input);
      return opts.replyOk ?? true;
    },
    cannedResponses: () => canned,
    onTyped: () => typed++,
    send: background.send,
    previews: { create: (f) => `blob:preview-${(f as File).name}`, revoke: (u) => revoked.push(u) },
  });
  const ac = new AbortController();
  return { model, replies, revoked, ac, ...background, typed: () => typed };
}

const png = (name = 'a.png', size = 3) => {
  const f = new File([new Uint8Array(3)], name, { type: 'image/png' });
  if (size !== 3) Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('the composer', () => {
  it('saves the draft after a pause in typing and restores it when reopened', async () => {
    const { model, ac, typed } = setup();
    await model.start(ac.signal);
    model.setText('Hello Do');
    model.setText('Hello Dora');
    expect(typed()).toBe(2);
    expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBeNull();
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_MS);
    await vi.waitFor(async () => expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBe('Hello Dora'));
    ac.abort();

    const again = setup();
    await again.model.start(again.ac.signal);
    expect(again.model.text.value).toBe('Hello Dora');
  });

  it('writes a pending draft at once when the interaction closes', async () => {
    const { model, ac } = setup();
    await model.start(ac.signal);
    model.setText('Quick words');
    ac.abort();
    await vi.waitFor(async () => expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBe('Quick words'));
  });

  it('sends the trimmed text, empties at once, and deletes the draft once the backend took it', async () => {
    await localDb.saveDraft(INTERACTION_ID, ME, 'Old draft');
    const { model, ac, replies } = setup();
    await model.start(ac.signal);
    expect(model.canSend.value).toBe(true);
    model.setText('  Yes we ship  ');
    expect(await model.send()).toBe(true);
    expect(replies).toEqual([{ text: 'Yes we ship' }]);
    expect(model.text.value).toBe('');
    expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBeNull();
    model.setText('   ');
    expect(model.canSend.value).toBe(false);
    expect(await model.send()).toBe(false);
    expect(replies).toHaveLength(1);
  });

  it('keeps the words in the draft when the backend refused the reply', async () => {
    const { model, ac } = setup({ replyOk: false });
    await model.start(ac.signal);
    model.setText('Lost?');
    expect(await model.send()).toBe(false);
    expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBe('Lost?');
  });

  it('refuses a wrong type or an oversized file before uploading anything', async () => {
    const { model, sent } = setup();
    expect(model.pickFile(new File(['%PDF'], 'offer.pdf', { type: 'application/pdf' }))).toBe(false);
    expect(model.problem.value).toEqual({ key: 'attachmentWrongType', subs: ['offer.pdf'] });
    expect(model.pickFile(png('huge.png', ATTACHMENT_MAX_BYTES + 1))).toBe(false);
    expect(model.problem.value?.key).toBe('attachmentTooLarge');
    expect(model.attachment.value).toBeNull();
    expect(sent).toEqual([]);
  });

  it('previews an image, replaces or removes it, and uploads it on send', async () => {
    const { model, replies, revoked, of } = setup();
    model.pickFile(png('first.png'));
    model.pickFile(png('a.png'));
    expect(revoked).toEqual(['blob:preview-first.png']);
    expect(model.attachment.value?.previewUrl).toBe('blob:preview-a.png');
    expect(model.canSend.value).toBe(true);
    expect(await model.send()).toBe(true);
    expect(of('attachments.upload')).toEqual([{ name: 'a.png', type: 'image/png', base64: 'AAAA' }]);
    expect(replies).toEqual([{ attachmentUrl: 'https://backend.test/files/f1' }]);
    expect(model.attachment.value).toBeNull();
    expect(revoked).toContain('blob:preview-a.png');

    model.pickFile(png('b.png'));
    model.removeAttachment();
    expect(model.attachment.value).toBeNull();
  });

  it('keeps text and attachment when the upload fails, with the reason', async () => {
    const { model, replies } = setup({
      upload: { ok: false, error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'That file is not an image.' } },
    });
    model.setText('See picture');
    model.pickFile(png());
    expect(await model.send()).toBe(false);
    expect(model.error.value?.message).toBe('That file is not an image.');
    expect(model.text.value).toBe('See picture');
    expect(model.attachment.value).not.toBeNull();
    expect(replies).toEqual([]);
  });

  it('opens the canned responses on "/" at the start and replaces the query with the chosen one', () => {
    const { model } = setup();
    model.setText('/');
    expect(model.picker.open.value).toBe(true);
    model.setText('/ship');
    expect(model.picker.matches.value.map((r) => r.title)).toEqual(['Shipping']);
    const caret = model.chooseCanned(model.picker.current()!);
    expect(model.text.value).toBe('We ship everywhere in 3 days.');
    expect(caret).toBe(model.text.value.length);
    expect(model.picker.open.value).toBe(false);

    model.setText('/hel');
    model.setText('/hel lo');
    expect(model.picker.open.value).toBe(false);
  });

  it('keeps the "/" list closed after Escape until the text stops looking like a search', () => {
    const { model } = setup();
    model.setText('/sh');
    model.closePicker();
    model.setText('/shi');
    expect(model.picker.open.value).toBe(false);
    model.setText('');
    model.setText('/');
    expect(model.picker.open.value).toBe(true);
  });

  it('inserts canned responses and emojis at the caret', () => {
    const { model } = setup();
    model.setText('Hi  there');
    expect(model.insert('👋', 3)).toBe(5);
    expect(model.text.value).toBe('Hi 👋 there');
    model.picker.show();
    model.chooseCanned(canned[0]!, 0, 2);
    expect(model.text.value).toBe('Hi! How can we help? 👋 there');
    model.insert('!');
    expect(model.text.value.endsWith('there!')).toBe(true);
  });
});
