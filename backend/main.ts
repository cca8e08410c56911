import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { bufferedLines } from './log/line-writer.ts';
import { createLogger, errorFields } from './log/logger.ts';
import { startServer } from './server.ts';

// `.env` is read when present; variables already in the environment win.
if (fs.existsSync('.env')) process.loadEnvFile('.env');

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const logger = createLogger(config.logLevel, bufferedLines().write);

try {
  const server = await startServer(config, logger);
  const extension = path.resolve('.output');
  const lines = [
    '',
    `Pagedesk backend: ${server.url}  (database: ${server.store.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
    `Extension builds: ${path.join(extension, 'chrome-mv3')} (Chrome) and ${path.join(extension, 'firefox-mv2')} (Firefox)`,
    '  Chrome: chrome://extensions → Developer mode → Load unpacked → the folder above.',
    `Log in from the extension's options page with the backend URL ${server.url}.`,
  ];
  if (server.admin.created) {
    lines.push(
      server.admin.generatedPassword
        ? `First start: admin ${server.admin.email}, password ${server.admin.generatedPassword} (shown once; change it in Users).`
        : `First start: admin ${server.admin.email} with the password from ADMIN_PASSWORD.`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n\n`);
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error('shutdown failed', errorFields(err));
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  logger.error('start failed', errorFields(err));
  console.error(`Pagedesk could not start: ${(err as Error).message}`);
  process.exit(1);
}
