/**
 * The Facebook app the benchmark plays: the backend verifies webhook signatures with this secret,
 * the load generator signs with it, the Graph sandbox (for linking the Page) shares it. The token
 * key is fixed so the search data set, kept between runs, can be read by later runs.
 */
export const BENCH_FB_ENV = {
  FB_APP_ID: '1000000000000001',
  FB_APP_SECRET: '0123456789abcdef0123456789abcdef',
  FB_VERIFY_TOKEN: 'pagedesk-bench-verify-token',
  SECRET_KEY: 'cGFnZWRlc2stYmVuY2gtdG9rZW4ta2V5LW5vdC1hLXNlY3JldA',
};
