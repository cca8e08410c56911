import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../shared/api/interactions.ts';
import { inlineDisposition, loadAttachment, saveAttachment } from '../../attachments/attachment-store.ts';
import { sniffImage } from '../../attachments/sniff-image.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

const TYPE_NAMES: Record<(typeof ATTACHMENT_TYPES)[number], string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};
const ACCEPTED = 'Attach a JPEG, PNG, GIF or WebP image.';
const MAX_MB = ATTACHMENT_MAX_BYTES / (1024 * 1024);
const isAccepted = (type: string): type is (typeof ATTACHMENT_TYPES)[number] =>
  (ATTACHMENT_TYPES as readonly string[]).includes(type);

const uploadedSchema = z.object({
  id: z.uuid(),
  url: z.url(),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  name: z.string(),
});

export const attachmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/attachments',
    summary: `Upload an image for a reply: the raw bytes as the body, Content-Type its type, ?name= its file name (≤ ${MAX_MB} MB).`,
    access: ['agent'],
    query: z.strictObject({ name: z.string().min(1).max(255) }),
    rawBody: ATTACHMENT_TYPES,
    maxBody: {
      bytes: ATTACHMENT_MAX_BYTES,
      message: `The file is larger than ${MAX_MB} MB: attach a smaller image.`,
    },
    response: uploadedSchema,
    status: 201,
    handler: async ({ deps, user, query, c }) => {
      const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isAccepted(declared))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${ACCEPTED} (got "${declared || 'no type'}")`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new AppError('BAD_REQUEST', 'The file is empty.');
      // The bytes must be what the file claims: a renamed document or script is refused here.
      const actual = sniffImage(bytes);
      if (actual !== declared) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          `The file is not a real ${TYPE_NAMES[declared]} image${actual ? ` (it is a ${TYPE_NAMES[actual]})` : ''}. ${ACCEPTED}`,
        );
      }
      return saveAttachment(
        deps.store.db,
        { bytes, type: declared, name: query.name, createdBy: user!.id },
        deps.config.publicUrl,
        deps.now(),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/media/:id/:name',
    summary: 'An uploaded attachment, for Facebook to fetch: public, the random id is the secret.',
    access: 'public',
    params: z.object({ id: z.string(), name: z.string() }),
    produces: 'application/octet-stream',
    response: z.string(),
    handler: async ({ deps, params, c }) => {
      const found = z.uuid().safeParse(params.id).success
        ? await loadAttachment(deps.store.db, params.id)
        : undefined;
      if (!found) throw new AppError('NOT_FOUND', 'No such file.');
      return c.body(new Uint8Array(found.bytes), 200, {
        'content-type': found.type,
        'content-length': String(found.size),
        'x-content-type-options': 'nosniff',
        'content-disposition': inlineDisposition(found.name),
        // The bytes behind an id never change.
        'cache-control': 'public, max-age=31536000, immutable',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  }),
];
