import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../shared/api/interaction-limits.ts';

/** Why a file cannot be attached, as a catalog key and its substitutions; null when it can. */
export type AttachmentProblem = { key: 'attachmentWrongType' | 'attachmentTooLarge'; subs: string[] };

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/** Checked before anything is uploaded: Facebook takes these image types, up to this size. */
export function checkAttachment(file: {
  name: string;
  type: string;
  size: number;
}): AttachmentProblem | null {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type))
    return { key: 'attachmentWrongType', subs: [file.name] };
  if (file.size > ATTACHMENT_MAX_BYTES)
    return {
      key: 'attachmentTooLarge',
      subs: [file.name, megabytes(file.size), megabytes(ATTACHMENT_MAX_BYTES)],
    };
  return null;
}

/** The file's bytes as base64: runtime messages carry JSON only. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
