import type { TokenCipher } from '../security/token-cipher.ts';
import type { GraphClient } from './graph-client.ts';

/** The Facebook side of the backend: the app's identity, the Graph client and the token cipher. */
export interface FacebookDeps {
  appId: string;
  appSecret: string;
  verifyToken: string;
  graph: GraphClient;
  cipher: TokenCipher;
}
