/**
 * Runs the Graph sandbox on its own: `node --import tsx backend/sandbox/main.ts`.
 * Environment (all optional): SANDBOX_PORT (8788), SANDBOX_HOST (127.0.0.1), SANDBOX_PUBLIC_URL,
 * FB_APP_ID, FB_APP_SECRET, FB_VERIFY_TOKEN, SANDBOX_WEBHOOK_URL (empty = no webhooks),
 * SANDBOX_SEED (1: start with a demo Page and post; 0: empty).
 */
import { seedDemo } from './demo-seed.ts';
import { startSandbox } from './sandbox.ts';

/** Fixed, obviously fake credentials so the backend and the sandbox agree without configuration. */
const DEFAULTS = {
  appId: '1000000000000001',
  appSecret: '5a4db0c5e1f7a9d3b2c6e8f0a1b3c5d7',
  verifyToken: 'pagedesk-sandbox-verify-token',
  webhookUrl: 'http://127.0.0.1:8787/webhooks/facebook',
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const env = process.env;
const port = Number(env.SANDBOX_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`SANDBOX_PORT must be a port number, got "${env.SANDBOX_PORT}".`);
const appId = env.FB_APP_ID || DEFAULTS.appId;
if (!/^\d{1,20}$/.test(appId)) fail(`FB_APP_ID must be digits, got "${appId}".`);
const webhookUrl = env.SANDBOX_WEBHOOK_URL ?? DEFAULTS.webhookUrl;
if (webhookUrl && !/^https?:\/\//.test(webhookUrl))
  fail(`SANDBOX_WEBHOOK_URL must be an http(s) URL, got "${webhookUrl}".`);

const running = await startSandbox({
  port,
  host: env.SANDBOX_HOST || '127.0.0.1',
  ...(env.SANDBOX_PUBLIC_URL ? { publicUrl: env.SANDBOX_PUBLIC_URL } : {}),
  appId,
  appSecret: env.FB_APP_SECRET || DEFAULTS.appSecret,
  verifyToken: env.FB_VERIFY_TOKEN || DEFAULTS.verifyToken,
  ...(webhookUrl ? { webhookUrl } : {}),
}).catch((err: Error) => fail(`The sandbox could not start: ${err.message}`));

const lines = [
  '',
  `Graph sandbox: ${running.url}  (app id ${appId})`,
  `  Graph API:     ${running.url}/v25.0/…   Login dialog: ${running.url}/v25.0/dialog/oauth`,
  `  Webhooks to:   ${webhookUrl || '(none: set SANDBOX_WEBHOOK_URL)'}`,
  `  Be a customer: ${running.url}/_sandbox/customer`,
  `  State:         ${running.url}/_sandbox/state`,
];
if (env.SANDBOX_SEED !== '0') {
  const demo = await seedDemo(running.sandbox);
  lines.push(`  Demo Page:     ${demo.pageId} "${demo.pageName}", administered by ${demo.adminName}`);
}
process.stderr.write(`${lines.join('\n')}\n\n`);

const shutdown = () => {
  running.stop().then(() => process.exit(0));
  setTimeout(() => process.exit(1), 5000).unref();
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
