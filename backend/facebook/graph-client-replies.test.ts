import { describe, expect, it } from 'vitest';
import { GraphError } from './graph-errors.ts';
import { fakeGraphClient, graphFixture, pathOf, proofFor, queryOf } from './graph-fakes.ts';

// The agent side of the client: comment replies, Messenger sends, attachments, reading comments.

const PAGE_ID = '2121008874780932';

describe('replyToComment', () => {
  const COMMENT_ID = '245778718206154_229887283291835';

  it('posts the reply as a form and returns the new comment id', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: graphFixture('graph-comment-create-response.json'),
    }));
    const created = await client.replyToComment(COMMENT_ID, 'page-token', {
      message: 'Thanks, we are on it',
      attachmentUrl: 'https://cdn.example/a.png',
    });
    expect(created).toEqual({ id: COMMENT_ID });
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(pathOf(req)).toBe(`/v25.0/${COMMENT_ID}/comments`);
    expect(Object.fromEntries(new URLSearchParams(await req.asRequest().text()))).toEqual({
      message: 'Thanks, we are on it',
      attachment_url: 'https://cdn.example/a.png',
    });
  });

  it('refuses an empty reply without calling Facebook', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: { id: '1' } }));
    await expect(client.replyToComment(COMMENT_ID, 't', {})).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });

  it('refuses an id that is not a Graph id without calling Facebook', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: { id: '1' } }));
    await expect(client.replyToComment('../me', 't', { message: 'x' })).rejects.toBeInstanceOf(GraphError);
    expect(requests).toHaveLength(0);
  });
});

describe('sendMessage', () => {
  it('posts the Send API body as JSON and reads the real response', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: graphFixture('send-api-response.json') }));
    const result = await client.sendMessage(PAGE_ID, 'page-token', {
      recipient: { id: '5275811702471834' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello', metadata: 'pagedesk:outbox:42' },
    });
    expect(result).toEqual({
      recipientId: '5275811702471834',
      messageId: 'm_qr6GPBlzTU4jqP0PBqaIoIAcfn2p3T7uiO5jm0L_PMTKMJhEIUGFkEKQBhGkpCnPXVZNsYdkN7A2Sel0dOz_Iw',
    });
    const req = requests[0]!;
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/messages`);
    expect(await req.asRequest().json()).toEqual({
      recipient: { id: '5275811702471834' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello', metadata: 'pagedesk:outbox:42' },
    });
  });

  it('sends a tagged private reply and keeps a numeric 17-digit recipient id exact', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: '{"recipient_id":10000000000000003,"message_id":"m_1"}',
    }));
    const result = await client.sendMessage(PAGE_ID, 't', {
      recipient: { comment_id: '245778718206154_229887283291835' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { attachment: { type: 'image', payload: { attachment_id: '1601472827243653' } } },
    });
    expect(result).toEqual({ recipientId: '10000000000000003', messageId: 'm_1' });
    expect(await requests[0]!.asRequest().json()).toMatchObject({
      recipient: { comment_id: '245778718206154_229887283291835' },
      tag: 'HUMAN_AGENT',
    });
  });

  it('throws the window error Facebook answers outside the messaging window', async () => {
    const { client } = fakeGraphClient(() => ({
      status: 400,
      body: {
        error: {
          message: 'This message is sent outside of allowed window.',
          type: 'OAuthException',
          code: 10,
          error_subcode: 2018278,
        },
      },
    }));
    await expect(
      client.sendMessage(PAGE_ID, 't', {
        recipient: { id: '1' },
        messaging_type: 'RESPONSE',
        message: { text: 'x' },
      }),
    ).rejects.toMatchObject({ errorClass: 'window', retryable: false });
  });
});

describe('uploadAttachment', () => {
  it('uploads from a URL as a reusable attachment', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: graphFixture('attachment-upload-response.json'),
    }));
    const result = await client.uploadAttachment(PAGE_ID, 'page-token', {
      type: 'image',
      url: 'https://cdn.example/a.png',
    });
    expect(result).toEqual({ attachmentId: '1601472827243653' });
    const req = requests[0]!;
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/message_attachments`);
    expect(await req.asRequest().json()).toEqual({
      message: {
        attachment: { type: 'image', payload: { url: 'https://cdn.example/a.png', is_reusable: true } },
      },
    });
  });

  it('uploads bytes as multipart: a message JSON part and a filedata file part', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: '{"attachment_id":10000000000000004}' }));
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const result = await client.uploadAttachment(PAGE_ID, 'page-token', {
      type: 'file',
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      data,
    });
    expect(result).toEqual({ attachmentId: '10000000000000004' });

    const wire = requests[0]!.asRequest();
    expect(wire.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.url.searchParams.get('appsecret_proof')).toBe(proofFor('page-token'));
    const form = await wire.formData();
    expect([...form.keys()]).toEqual(['message', 'filedata']);
    expect(JSON.parse(form.get('message') as string)).toEqual({
      attachment: { type: 'file', payload: { is_reusable: true } },
    });
    const file = form.get('filedata') as File;
    expect(file.name).toBe('invoice.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(data));
  });
});

describe('getComments', () => {
  it('asks for the whole stream oldest first and returns the cursor of the next page', async () => {
    const body =
      '{"data":[' +
      '{"id":"245778718206154_1","message":"Hi","created_time":"2021-08-10T18:45:03+0000","from":{"id":10000000000000005,"name":"Ann"}},' +
      '{"id":"245778718206154_2","created_time":"2021-08-10T19:00:00+0000","parent":{"id":"245778718206154_1"}}' +
      '],"paging":{"cursors":{"before":"b","after":"after-2"},"next":"https://graph.test/v25.0/x/comments?after=after-2"}}';
    const { client, requests } = fakeGraphClient(() => ({ body }));
    const result = await client.getComments('245778718206154', 'page-token', { after: 'after-1', limit: 50 });
    expect(result).toEqual({
      comments: [
        {
          id: '245778718206154_1',
          message: 'Hi',
          createdTime: '2021-08-10T18:45:03+0000',
          from: { id: '10000000000000005', name: 'Ann' },
        },
        { id: '245778718206154_2', createdTime: '2021-08-10T19:00:00+0000', parentId: '245778718206154_1' },
      ],
      next: 'after-2',
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/245778718206154/comments');
    expect(queryOf(requests[0]!)).toMatchObject({
      fields: 'id,message,created_time,from{id,name},parent{id}',
      filter: 'stream',
      order: 'chronological',
      limit: '50',
      after: 'after-1',
    });
  });

  it('has no next cursor on the last page, even when Graph still lists cursors', async () => {
    const { client } = fakeGraphClient(() => ({
      body: { data: [], paging: { cursors: { before: 'b', after: 'a' } } },
    }));
    expect((await client.getComments('1', 't')).next).toBeUndefined();
  });
});

describe('request', () => {
  it('is exposed for calls the client has no method for', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: { success: true } }));
    expect(
      await client.request('POST', '245778718206154_1', { token: 't', form: { is_hidden: 'true' } }),
    ).toEqual({
      success: true,
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/245778718206154_1');
  });
});
