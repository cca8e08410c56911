import { describe, expect, it } from 'vitest';
import { createCampaignSchema, updateCampaignSchema } from './campaigns.ts';

const minimal = { name: 'Comments', pageId: '123456789', channel: 'facebook', strategy: 'ringall' };

describe('campaign schemas', () => {
  it('creates from name, page, channel and strategy alone', () => {
    expect(createCampaignSchema.parse(minimal)).toEqual(minimal);
  });

  it('requires each of the four and refuses unknown fields', () => {
    for (const key of Object.keys(minimal)) {
      const { [key]: _, ...rest } = minimal as Record<string, string>;
      expect(createCampaignSchema.safeParse(rest).success, key).toBe(false);
    }
    expect(createCampaignSchema.safeParse({ ...minimal, owner: 'x' }).success).toBe(false);
  });

  it('updates any one field, but not nothing, not the page, and nothing unknown', () => {
    expect(updateCampaignSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(updateCampaignSchema.safeParse({}).success).toBe(false);
    expect(updateCampaignSchema.safeParse({ pageId: '1' }).success).toBe(false);
    expect(updateCampaignSchema.safeParse({ enabled: false, owner: 'x' }).success).toBe(false);
  });
});
