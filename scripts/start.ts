/**
 * `npm start`: the backend on the embedded defaults. Without FB_APP_ID there is no Facebook app to
 * talk to, so the Graph sandbox starts beside the backend (on SANDBOX_PORT, 8788) and the backend's
 * Graph and dialog URLs point at it. The backend itself never imports the sandbox.
 */
import fs from 'node:fs';
import { seedDemo } from '../backend/sandbox/demo-seed.ts';
import { startSandbox } from '../backend/sandbox/sandbox.ts';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const env = process.env;

if (!env.FB_APP_ID) {
  // Obviously fake credentials: the backend and the sandbox only need to agree with each other.
  env.FB_APP_ID = '1000000000000001';
  env.FB_APP_SECRET ||= '5a4db0c5e1f7a9d3b2c6e8f0a1b3c5d7';
  env.FB_VERIFY_TOKEN ||= 'pagedesk-sandbox-verify-token';
  const backendPort = Number(env.PORT || 8787);
  const running = await startSandbox({
    port: Number(env.SANDBOX_PORT || 8788),
    appId: env.FB_APP_ID,
    appSecret: env.FB_APP_SECRET,
    verifyToken: env.FB_VERIFY_TOKEN,
    webhookUrl: `http://127.0.0.1:${backendPort}/webhooks/facebook`,
  }).catch((err: Error) => {
    console.error(
      `The Graph sandbox could not start on SANDBOX_PORT ${env.SANDBOX_PORT || 8788}: ${err.message}`,
    );
    process.exit(1);
  });
  env.FB_GRAPH_URL = running.url;
  env.FB_DIALOG_URL = running.url;
  const demo = env.SANDBOX_SEED === '0' ? null : await seedDemo(running.sandbox);
  process.stderr.write(
    [
      '',
      `Graph sandbox (no FB_APP_ID set): ${running.url}`,
      `  Be a customer: ${running.url}/_sandbox/customer`,
      demo
        ? `  Demo Page "${demo.pageName}" (${demo.pageId}): link it with "Activate with Facebook" in the options page.`
        : '',
      '',
    ].join('\n'),
  );
}

await import('../backend/main.ts');
