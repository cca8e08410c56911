import { randomBytes } from 'node:crypto';

/**
 * The Facebook app the benchmark plays: the backend verifies webhook signatures with this secret,
 * the load generator signs with it, the Graph sandbox (for linking the Page) shares it.
 */
export const BENCH_FB_ENV = {
  FB_APP_ID: '1000000000000001',
  FB_APP_SECRET: '0123456789abcdef0123456789abcdef',
  FB_VERIFY_TOKEN: 'pagedesk-bench-verify-token',
  SECRET_KEY: randomBytes(32).toString('base64url'),
};
