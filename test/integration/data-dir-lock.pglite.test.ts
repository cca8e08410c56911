import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import { startServer } from '../../backend/server.ts';
import { cleanups, serverConfig as config, runCleanups } from '../harness/lifecycle-helpers.ts';

const logger = createLogger('silent');
afterEach(runCleanups);

describe('embedded database lock', () => {
  it('refuses a second server on the same DATA_DIR while the first runs', async () => {
    const cfg = await config();
    const first = await startServer(cfg, logger);
    cleanups.push(() => first.stop());
    await expect(startServer(cfg, logger)).rejects.toThrow(/in use by another Pagedesk process/);
  });

  it('takes over a lock left by a process that died', async () => {
    const cfg = await config();
    fs.mkdirSync(cfg.dataDir, { recursive: true });
    fs.writeFileSync(path.join(cfg.dataDir, 'pagedesk.lock'), '999999999');
    const server = await startServer(cfg, logger);
    cleanups.push(() => server.stop());
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
