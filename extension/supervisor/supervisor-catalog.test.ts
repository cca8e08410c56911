import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERACTION_STATES } from '../../shared/api/interactions.ts';
import type { BoardTiles } from '../../shared/api/supervisor.ts';
import { AUDIT_ACTIONS, DRILL_METRICS } from '../../shared/api/supervisor.ts';
import { SCREENS } from '../popup/popup-model.ts';

const catalog = (lang: string) =>
  new Set(
    Object.keys(
      JSON.parse(
        readFileSync(join(import.meta.dirname, '../public/_locales', lang, 'messages.json'), 'utf8'),
      ),
    ),
  );

const TILES: (keyof BoardTiles)[] = [
  'serviceLevel',
  'abandoned',
  'asa',
  'aht',
  'longestWaiting',
  'waiting',
  'chatsOverTime',
  'answered',
  'completed',
];

// The board builds these keys from data (t(`metric_${metric}`)...), which the general catalog test cannot see.
describe("the supervisor's computed catalog keys", () => {
  const keys = [
    ...TILES.map((k) => `tile_${k}`),
    ...['ok', 'warn', 'alarm'].map((l) => `level_${l}`),
    ...DRILL_METRICS.map((m) => `metric_${m}`),
    ...['offline', 'available', 'busy', 'break'].map((s) => `boardStatus_${s}`),
    ...INTERACTION_STATES.map((s) => `state_${s}`),
    ...['customer', 'agent', 'page'].map((a) => `author_${a}`),
    ...AUDIT_ACTIONS.map((a) => `audit_${a}`),
    ...SCREENS.map((s) => `screen_${s}`),
    'audit',
    'slFormula',
    'abandonedDetail',
    'asaDetail',
    'longestWaitingDetail',
    'waitingDetail',
    'chatsOverTimeDetail',
    'pauseTitle',
    'logoutTitle',
    'pauseExplain',
    'logoutExplain',
    'pauseConfirm',
    'logoutConfirm',
  ];
  for (const lang of ['en', 'es'])
    it(`are all in the ${lang} catalog`, () => {
      const present = catalog(lang);
      expect(keys.filter((k) => !present.has(k))).toEqual([]);
    });
});
