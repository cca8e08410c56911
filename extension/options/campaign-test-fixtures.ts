import type { Campaign } from '../../shared/api/campaigns.ts';
import type { User } from '../../shared/api/users.ts';

/** A campaign as the API answers it, for the options page's tests. */
export const campaign = (extra: Partial<Campaign> = {}): Campaign => ({
  id: '0b6a3c1e-5f7d-4c1a-9d2e-1f3a5b7c9d01',
  name: 'Shoes comments',
  pageId: '1234567890',
  pageName: 'Café Olé Shoes',
  pageHealth: 'active',
  pageHealthReason: null,
  channel: 'facebook',
  strategy: 'leastrecent',
  schedule: [
    { weekday: 1, from: '09:00', to: '13:00' },
    { weekday: 1, from: '14:00', to: '18:00' },
  ],
  timeZone: 'America/Lima',
  thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1_800, acd: 10 },
  maxInteractionsPerAgent: 3,
  enabled: true,
  cannedResponses: [
    { id: 'r1', title: 'Hello', text: 'Hi! How can we help?' },
    { id: 'r2', title: 'Bye', text: 'Thanks for writing.' },
  ],
  // Positions with gaps and out of order, as an older save may have left them.
  members: [
    { userId: 'u-bea', name: 'Bea', penalty: 5, position: 10 },
    { userId: 'u-al', name: 'Al', penalty: 0, position: 0 },
  ],
  supervisorIds: ['u-sue'],
  supervisors: [{ userId: 'u-sue', name: 'Sue' }],
  openNow: true,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
  ...extra,
});

export const user = (name: string, extra: Partial<User> = {}): User => ({
  id: `u-${name.toLowerCase()}`,
  email: `${name.toLowerCase()}@example.test`,
  name,
  role: 'agent',
  active: true,
  createdAt: '2026-11-24T00:00:00.000Z',
  ...extra,
});

/** Shows catalog keys and their substitutions, so tests read which message was chosen. */
export const keys = (key: string, subs?: string | string[]) =>
  subs === undefined ? key : `${key}(${[subs].flat().join(',')})`;
