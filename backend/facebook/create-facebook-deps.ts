import { type Config, requireFacebookApp } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { loadSecretKey } from '../security/secret-key.ts';
import { createTokenCipher } from '../security/token-cipher.ts';
import type { FacebookDeps } from './facebook-deps.ts';
import { createGraphClient } from './graph-client.ts';

/** Builds the Facebook side from configuration; refuses to run without the app secret. */
export function createFacebookDeps(config: Config, logger: Logger, fetchImpl?: typeof fetch): FacebookDeps {
  const app = requireFacebookApp(config);
  const { key, source } = loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir });
  if (source === 'generated') {
    logger.warn('generated a new token encryption key: back up DATA_DIR/secret.key or set SECRET_KEY', {
      dataDir: config.dataDir,
    });
  }
  const graph = createGraphClient({
    graphUrl: config.facebook.graphUrl,
    dialogUrl: config.facebook.dialogUrl,
    appId: app.appId,
    appSecret: app.appSecret,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    onUsage: (usage, request) => {
      if (usage.slowDown) logger.warn('graph usage high', { request, maxPercent: usage.maxPercent });
    },
  });
  return { ...app, graph, cipher: createTokenCipher(key) };
}
