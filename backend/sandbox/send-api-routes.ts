import { requirePageToken, requireScope } from './graph-auth.ts';
import { invalidParameter, missingParameter, requiresPermission } from './graph-error.ts';
import type { GraphRequest, GraphRoutes } from './graph-router.ts';
import type { Page } from './model.ts';
import { parseAttachment, parseSendRequest, resolveTarget } from './send-api-rules.ts';

/**
 * The Send API (`POST /{page-id}/messages`) and attachment upload (`POST /{page-id}/message_attachments`),
 * both with the Page's token and pages_messaging (§3.3). A sent message is stored in the thread
 * and echoed on `message_echoes`; a private reply marks its comment as answered.
 */
export const sendApiRoutes: GraphRoutes = {
  'POST page/messages': (req) => {
    const page = messagingPage(req);
    const request = parseSendRequest(req.ctx, page, req.params);
    const target = resolveTarget(req.ctx, page, request);
    if (request.senderAction) return req.reply({ recipient_id: target.psid });
    if (target.comment) target.comment.privateReplyAt = req.ctx.clock.now();
    const message = req.ctx.messenger.send(target.conversation, {
      ...(request.text !== undefined ? { text: request.text } : {}),
      ...(request.attachment ? { attachments: [request.attachment] } : {}),
      ...(request.metadata !== undefined ? { metadata: request.metadata } : {}),
      messagingType: request.messagingType,
      ...(request.tag ? { tag: request.tag } : {}),
      ...(target.comment ? { commentId: target.comment.id } : {}),
    });
    return req.reply({ recipient_id: target.psid, message_id: message.mid });
  },

  'POST page/message_attachments': async (req) => {
    const page = messagingPage(req);
    const message = req.params.object('message');
    if (!message) throw missingParameter('message');
    const raw = message.attachment as { type?: unknown; payload?: Record<string, unknown> } | undefined;
    const file = req.params.file('filedata');
    const id = req.ctx.ids.numeric(16);
    let url: string;
    let upload: { bytes: Uint8Array; contentType: string } | undefined;
    if (file) {
      upload = {
        bytes: new Uint8Array(await file.arrayBuffer()),
        contentType: file.type || 'application/octet-stream',
      };
      url = `${req.ctx.config.publicUrl.replace(/\/$/, '')}/_sandbox/files/${id}`;
    } else {
      url = parseAttachment(req.ctx, page, raw).url ?? '';
    }
    const type = typeof raw?.type === 'string' ? raw.type : '';
    if (!['image', 'audio', 'video', 'file'].includes(type)) {
      throw invalidParameter('param message[attachment][type] must be one of {image, audio, video, file}');
    }
    req.ctx.state.attachments.set(id, {
      id,
      pageId: page.id,
      type,
      url,
      ...(upload ? { bytes: upload.bytes, contentType: upload.contentType } : {}),
    });
    return req.reply({ attachment_id: id });
  },
};

function messagingPage(req: GraphRequest): Page {
  const { page } = req.node as Extract<GraphRequest['node'], { type: 'page' }>;
  const token = requirePageToken(req.caller, page.id);
  requireScope(req.ctx, token, 'pages_messaging', () => requiresPermission(230, 'pages_messaging'));
  return page;
}
