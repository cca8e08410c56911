import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, STRATEGY_NAMES } from '../../shared/api/campaigns.ts';
import type { CampaignNotice } from '../options/campaigns-model.ts';

const root = join(import.meta.dirname, '..');
const catalog = (lang: string) =>
  Object.keys(JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')));

/** Every .ts/.tsx source of the extension, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'public' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

// A key missing from a catalog shows as the bare key (see i18n.ts): these catch it before a person does.
describe('message catalogs', () => {
  it('have the same keys in English and Spanish', () => {
    expect(catalog('es').sort()).toEqual(catalog('en').sort());
  });

  it("hold every key the pages ask for by name, and the campaign screen's computed ones", () => {
    const asked = new Set<string>();
    // t('key') calls, plus keys a model hands to the page: issue keys ('errX'), labels and hints in tables.
    const patterns = [/\bt\('([A-Za-z0-9_]+)'/g, /'(err[A-Z]\w*)'/g, /\b(?:label|hint): '(\w+)'/g];
    for (const file of sources(root))
      for (const pattern of patterns)
        for (const m of readFileSync(file, 'utf8').matchAll(pattern)) asked.add(m[1] as string);
    expect(asked.size).toBeGreaterThan(100);
    for (const s of STRATEGY_NAMES) asked.add(`strategy_${s}`);
    for (const c of CHANNELS) asked.add(`channel_${c}`);
    for (const k of [
      'campaignCreated',
      'campaignSaved',
      'campaignUnchanged',
    ] satisfies CampaignNotice['key'][])
      asked.add(k);
    for (let d = 0; d < 7; d++) asked.add(`weekday_${d}`);
    const en = new Set(catalog('en'));
    expect([...asked].filter((k) => !en.has(k))).toEqual([]);
  });
});
