import { randomBytes } from 'node:crypto';

/** Facebook app settings for tests: a fixed app identity, a fresh token key per process. */
export const TEST_FB_ENV = {
  FB_APP_ID: '1000000000000001',
  FB_APP_SECRET: '0123456789abcdef0123456789abcdef',
  FB_VERIFY_TOKEN: 'pagedesk-test-verify-token',
  SECRET_KEY: randomBytes(32).toString('base64url'),
};
