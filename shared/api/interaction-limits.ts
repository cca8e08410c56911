// Plain constants apart from the zod schemas of interactions.ts, so the extension's pages can import
// them without loading zod (re-exported there for the backend).

/** Limits of an uploaded attachment: Facebook takes these image types for comments and Messenger. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

/** Collision control: clients forget a viewer they have not heard from for this long. */
export const VIEWER_TTL_MS = 30_000;
