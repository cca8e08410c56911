import { describe, expect, it } from 'vitest';
import { createPopupModel } from './popup-model.ts';

describe('popup model', () => {
  it('knows whether it is the popup or the full tab', () => {
    expect(createPopupModel('').isTab).toBe(false);
    expect(createPopupModel('?view=tab').isTab).toBe(true);
  });

  it('opens the wide view in a tab, then closes the popup', async () => {
    const opened: string[] = [];
    let closed = 0;
    const m = createPopupModel(
      '',
      async (url) => opened.push(url),
      () => closed++,
      (path) => `chrome-extension://id${path}`,
    );
    await m.openAsTab();
    expect(opened).toEqual(['chrome-extension://id/popup.html?view=tab']);
    expect(closed).toBe(1);
  });

  it('switches between the board and recordings', () => {
    const m = createPopupModel('');
    expect(m.screen.value).toBe('board');
    m.show('recordings');
    expect(m.screen.value).toBe('recordings');
  });
});
