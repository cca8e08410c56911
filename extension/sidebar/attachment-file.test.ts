import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../shared/api/interactions.ts';
import { checkAttachment, fileToBase64 } from './attachment-file.ts';

describe('an attachment before upload', () => {
  it('takes the image types Facebook accepts, up to the size limit', () => {
    expect(checkAttachment({ name: 'a.png', type: 'image/png', size: 1_000 })).toBeNull();
    expect(checkAttachment({ name: 'a.webp', type: 'image/webp', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(checkAttachment({ name: 'doc.pdf', type: 'application/pdf', size: 10 })).toEqual({
      key: 'attachmentWrongType',
      subs: ['doc.pdf'],
    });
    expect(checkAttachment({ name: 'x.svg', type: 'image/svg+xml', size: 10 })?.key).toBe(
      'attachmentWrongType',
    );
    expect(checkAttachment({ name: 'big.jpg', type: 'image/jpeg', size: 12.5 * 1024 * 1024 })).toEqual({
      key: 'attachmentTooLarge',
      subs: ['big.jpg', '12.5', '8'],
    });
  });

  it('reads the bytes as base64, large files too', async () => {
    expect(await fileToBase64(new Blob([new Uint8Array([0, 1, 2, 250, 255])]))).toBe('AAEC+v8=');
    const big = new Uint8Array(100_000).fill(65);
    expect(atob(await fileToBase64(new Blob([big])))).toBe('A'.repeat(100_000));
  });
});
