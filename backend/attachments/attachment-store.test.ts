import { describe, expect, it } from 'vitest';
import { cleanName, inlineDisposition, mediaUrl } from './attachment-store.ts';

describe('attachment names', () => {
  it('keeps only the base name, without control characters, and never empty', () => {
    expect(cleanName('C:\\Users\\ana\\photo.png')).toBe('photo.png');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('a\u0000b\r\nc.png')).toBe('abc.png');
    expect(cleanName('  /  ')).toBe('attachment');
    expect([...cleanName('ñ'.repeat(500))].length).toBe(120);
  });

  it('puts the name in the URL encoded', () => {
    expect(mediaUrl('https://desk.example/', 'id-1', 'my photo #1?.png')).toBe(
      'https://desk.example/media/id-1/my%20photo%20%231%3F.png',
    );
  });

  it('makes a Content-Disposition no name can break out of', () => {
    const header = inlineDisposition('evil";\r\nSet-Cookie: x=1; ñandú.png');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^inline; filename="evil____Set-Cookie: x=1_ _and_\.png"; /);
    expect(header).toContain(
      "filename*=UTF-8''evil%22%3B%0D%0ASet-Cookie%3A%20x%3D1%3B%20%C3%B1and%C3%BA.png",
    );
    expect(inlineDisposition('photo.png')).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
  });
});
