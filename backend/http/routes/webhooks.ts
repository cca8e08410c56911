import { z } from 'zod';
import { verifyHandshake, verifyWebhookSignature } from '../../facebook/webhook-signature.ts';
import { storeDelivery } from '../../webhooks/store-delivery.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

export const webhookRoutes = [
  defineRoute({
    method: 'get',
    path: '/webhooks/facebook',
    summary: "Meta's subscription handshake: echoes hub.challenge when hub.verify_token matches.",
    access: 'public',
    produces: 'text/plain',
    response: z.string(),
    handler: async ({ deps, c }) => {
      const result = verifyHandshake(
        {
          mode: c.req.query('hub.mode'),
          verifyToken: c.req.query('hub.verify_token'),
          challenge: c.req.query('hub.challenge'),
        },
        deps.facebook.verifyToken,
      );
      if (!result.ok) throw new AppError('FORBIDDEN', 'The verify token does not match.');
      return c.text(result.challenge);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/webhooks/facebook',
    summary: 'Signed webhook deliveries: verified over the raw bytes, stored, then acknowledged.',
    access: 'public',
    produces: 'text/plain',
    response: z.string(),
    handler: async ({ deps, c }) => {
      const answered = deps.ingress.enter();
      let bytes = 0;
      try {
        const length = Number(c.req.header('content-length') ?? 0);
        if (length > deps.config.webhookBodyLimitBytes)
          throw new AppError('PAYLOAD_TOO_LARGE', 'The body is too large.');
        const raw = new Uint8Array(await c.req.arrayBuffer());
        if (raw.byteLength > deps.config.webhookBodyLimitBytes) {
          throw new AppError('PAYLOAD_TOO_LARGE', 'The body is too large.');
        }
        if (!verifyWebhookSignature(raw, c.req.header('x-hub-signature-256'), deps.facebook.appSecret)) {
          throw new AppError('UNAUTHENTICATED', 'Missing or wrong X-Hub-Signature-256.');
        }
        // Only signed bodies count towards a flood: nobody else can make processing wait.
        bytes = raw.byteLength;
        // Raw NULs cannot be stored as text and never occur in JSON Meta signs; keep the rest as is.
        const text = new TextDecoder('utf-8', { fatal: false }).decode(raw).replaceAll('\u0000', '\uFFFD');
        await storeDelivery(deps.store.db, text, deps.now());
        deps.wake('webhooks');
        return c.text('EVENT_RECEIVED');
      } finally {
        answered(bytes);
      }
    },
  }),
];
