import type { BrowserContext, Frame, Page } from 'playwright-core';

/** What one view of the extension shows, measured in the page itself (see `inspectView`). */
export interface ViewReport {
  /** `window.__pwned` in this document: set only if a payload ran. */
  pwned: unknown;
  /** Elements carrying an inline event handler attribute (`onerror`, `onload`, …). */
  handlers: string[];
  /** Elements a payload would have made: `<img src=x>`, inline `<script>`, a bare `<svg>`, frames. */
  injected: string[];
  /** Every `<a>` and URL attribute that is not http(s) or opens without `noopener`. */
  badLinks: string[];
  links: number;
  /** The document or a scroll box scrolling sideways, or a long word pushing out of its container. */
  overflow: string[];
  /** Text nodes holding the long word (so the overflow check had something to look at). */
  longWordNodes: number;
  /** Text nodes whose RIGHT-TO-LEFT OVERRIDE could reorder the text around them. */
  bidi: string[];
  /** Text nodes holding an RLO (so the bidi check had something to look at). */
  rloNodes: number;
  text: string;
}

/**
 * Inspects the document of `target` (an extension page or the sidebar's frame): whether anything
 * from content became markup or ran, whether links are safe, whether the layout held against a
 * long unbroken word, and whether every RLO is isolated from its neighbours.
 */
export async function inspectView(target: Page | Frame, longWords: readonly string[]): Promise<ViewReport> {
  return target.evaluate((words) => {
    const name = (el: Element) => {
      const cls =
        typeof el.className === 'string' && el.className.trim()
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '';
      const testId = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${cls}${testId ? `[data-testid=${testId}]` : ''}`;
    };
    const all = [...document.querySelectorAll('*')];
    const handlers = all
      .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 160));
    // The extension's own <svg>s all carry a class; one without came from content.
    const injected = [
      ...document.querySelectorAll(
        'img[src="x"], script:not([src]), svg:not([class]), iframe, object, embed, b, marquee, math',
      ),
    ].map((el) => el.outerHTML.slice(0, 160));

    const anchors = [...document.querySelectorAll('a')];
    const badLinks = anchors
      .filter(
        (a) =>
          !/^https?:\/\//i.test(a.getAttribute('href') ?? '') || !a.rel.split(/\s+/).includes('noopener'),
      )
      .map((a) => a.outerHTML.slice(0, 200));
    for (const el of all)
      for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc']) {
        const v = el.getAttribute(attr);
        if (v && /^\s*(javascript|data|vbscript):/i.test(v))
          badLinks.push(`${name(el)} ${attr}=${v.slice(0, 80)}`);
      }

    // Which box sticks out of `box` on the right: the innermost one, to say what to fix.
    const culprit = (box: Element) => {
      const edge = box.getBoundingClientRect().left + box.clientWidth + 1;
      let found: Element | undefined;
      for (const el of box.querySelectorAll('*'))
        if (el.getBoundingClientRect().right > edge && (!found || found.contains(el))) found = el;
      return found ? ` (by ${name(found)})` : '';
    };
    const overflow: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      overflow.push(
        `the document scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}${culprit(root)}`,
      );
    for (const el of all) {
      const x = getComputedStyle(el).overflowX;
      if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        overflow.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}${culprit(el)}`);
    }

    const texts: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);

    // A long word must wrap: from its box up, nothing may be wider than its own box, unless a
    // box on the way clips on purpose (ellipsis).
    let longWordNodes = 0;
    for (const node of texts) {
      if (!words.some((w) => node.data.includes(w))) continue;
      longWordNodes++;
      let box: Element | null = node.parentElement;
      while (box && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
      for (let el = box; el && el !== document.body; el = el.parentElement) {
        const x = getComputedStyle(el).overflowX;
        if (x === 'hidden' || x === 'clip') break;
        if (el.scrollWidth > el.clientWidth + 1) {
          overflow.push(
            `the long word in ${name(node.parentElement!)} overflows ${name(el)}: ${el.scrollWidth} > ${el.clientWidth}${culprit(el)}`,
          );
          break;
        }
      }
    }

    // An RLO is harmless when its text sits alone in an element isolated by CSS (or a <bdi>), or
    // when the text itself closes it in an isolate (FSI … PDI, as t() wraps substitutions).
    const bidi: string[] = [];
    let rloNodes = 0;
    for (const node of texts) {
      if (!node.data.includes('\u202E')) continue;
      const parent = node.parentElement!;
      // Form controls lay their value out as one atomic box: nothing around it can be reordered.
      if (parent.closest('select, option, textarea, script, style')) continue;
      rloNodes++;
      const open: boolean[] = [];
      let bare = false;
      for (const ch of node.data) {
        if (ch >= '\u2066' && ch <= '\u2068') open.push(false);
        else if (ch === '\u2069') open.pop();
        else if (ch === '\u202E') {
          if (open.length === 0) bare = true;
          else open[open.length - 1] = true;
        }
      }
      if (open.length > 0) bare = true; // an isolate left open swallows the text after it
      if (!bare) continue;
      const style = getComputedStyle(parent).unicodeBidi;
      const isolated = ['isolate', 'plaintext', 'isolate-override'].includes(style);
      const alone = parent.childNodes.length === 1;
      if (!isolated || !alone)
        bidi.push(
          `${name(parent)} (unicode-bidi: ${style}, ${parent.childNodes.length} children): ${JSON.stringify(node.data.slice(0, 60))}`,
        );
    }

    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers,
      injected,
      badLinks,
      links: anchors.length,
      overflow,
      longWordNodes,
      bidi,
      rloNodes,
      text: document.body.textContent ?? '',
    };
  }, longWords);
}

/**
 * Watches every page of a browser for what a payload would cause: a dialog (alert, confirm,
 * prompt), or the extension's Content Security Policy refusing an inline script or handler.
 */
export function watchForExecution(context: BrowserContext, into: string[]): void {
  const watch = (page: Page) => {
    page.on('dialog', (d) => {
      into.push(`dialog on ${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|run)/i.test(m.text()))
        into.push(`CSP on ${page.url()}: ${m.text().slice(0, 200)}`);
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
}

/** `typeof __pwned` in every page, frame and service worker of the browser: all 'undefined'. */
export async function pwnedAnywhere(context: BrowserContext): Promise<string[]> {
  const found: string[] = [];
  for (const page of context.pages())
    for (const frame of page.frames()) {
      const type = await frame
        .evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)
        .catch(() => 'gone');
      if (type !== 'undefined' && type !== 'gone') found.push(`${frame.url()}: ${type}`);
    }
  for (const worker of context.serviceWorkers()) {
    const type = await worker.evaluate(() => typeof (self as { __pwned?: unknown }).__pwned);
    if (type !== 'undefined') found.push(`${worker.url()}: ${type}`);
  }
  return found;
}
