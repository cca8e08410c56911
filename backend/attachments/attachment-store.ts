import { eq, sql } from 'drizzle-orm';
import type { ATTACHMENT_TYPES, UploadedAttachment } from '../../shared/api/interactions.ts';
import type { Database } from '../store/database.ts';
import { attachments } from '../store/schema.ts';

type ImageType = (typeof ATTACHMENT_TYPES)[number];

/** A file name fit to show and to put in a URL: no path, no control characters, not too long. */
export function cleanName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 120).join('');
  return clean || 'attachment';
}

/** Where Facebook (and the sidebar) fetch an attachment: public, unguessable through its uuid. */
export function mediaUrl(publicUrl: string, id: string, name: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/media/${id}/${encodeURIComponent(name)}`;
}

export async function saveAttachment(
  db: Database,
  file: { bytes: Uint8Array; type: ImageType; name: string; createdBy: string },
  publicUrl: string,
  now: Date,
): Promise<UploadedAttachment> {
  const name = cleanName(file.name);
  const [row] = await db
    .insert(attachments)
    .values({
      bytes: sql`decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64')}, 'base64')`,
      type: file.type,
      size: file.bytes.byteLength,
      name,
      createdBy: file.createdBy,
      createdAt: now,
    })
    .returning({ id: attachments.id });
  return {
    id: row!.id,
    url: mediaUrl(publicUrl, row!.id, name),
    type: file.type,
    size: file.bytes.byteLength,
    name,
  };
}

// Bytes travel as base64 text both ways: PGlite's bytea parameter and result conversion is about
// ten times slower (seconds for a few MB); base64 costs the same on PostgreSQL.
export async function loadAttachment(db: Database, id: string) {
  const [row] = await db
    .select({
      base64: sql<string>`encode(${attachments.bytes}, 'base64')`,
      type: attachments.type,
      size: attachments.size,
      name: attachments.name,
    })
    .from(attachments)
    .where(eq(attachments.id, id))
    .limit(1);
  return row && { bytes: Buffer.from(row.base64, 'base64'), type: row.type, size: row.size, name: row.name };
}

/** `Content-Disposition` that no file name can break: an ASCII fallback plus the RFC 5987 form. */
export function inlineDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
