import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../backend/config.ts';
import { createLogger } from '../../backend/log/logger.ts';
import { startServer } from '../../backend/server.ts';
import { TEST_FB_ENV } from './test-facebook-env.ts';

export const E2E_ADMIN = { email: 'admin@example.test', password: 'admin password 123' };

/** A real backend on a free port with a fresh embedded database, for end-to-end tests. */
export async function startE2eBackend() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-e2e-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ...TEST_FB_ENV,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const server = await startServer(config, createLogger('warn'));
  return {
    url: server.url,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
