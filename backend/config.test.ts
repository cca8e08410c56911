import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.logLevel).toBe('info');
    expect(c.publicUrl).toBe('http://127.0.0.1:8787');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8787);
  });

  const bad: [string, string][] = [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['FB_APP_SECRET', 'xyz'],
    ['ADMIN_EMAIL', 'root'],
    ['ADMIN_PASSWORD', 'short'],
    ['SECRET_KEY', 'too-short'],
    ['CORS_ORIGINS', 'https://ok.example,https://bad.example/path'],
  ];
  for (const [variable, value] of bad) {
    it(`stops with one line naming ${variable} for ${JSON.stringify(value)}`, () => {
      let error: unknown;
      try {
        loadConfig({ [variable]: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
      expect((error as Error).message).not.toContain('\n');
    });
  }
});
