import type { RouteDef } from '../route.ts';
import { agentRoutes } from './agent.ts';
import { attachmentRoutes } from './attachments.ts';
import { authRoutes } from './auth.ts';
import { campaignRoutes } from './campaigns.ts';
import { healthRoutes } from './health.ts';
import { oauthRoutes, pageRoutes } from './pages.ts';
import { recordingRoutes } from './recordings.ts';
import { supervisorRoutes } from './supervisor.ts';
import { userRoutes } from './users.ts';
import { webhookRoutes } from './webhooks.ts';

/** Every route of the backend, in one list: mounted, documented and authorization-tested from here. */
export const allRoutes: readonly RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...pageRoutes,
  ...oauthRoutes,
  ...webhookRoutes,
  ...campaignRoutes,
  ...agentRoutes,
  ...attachmentRoutes,
  ...supervisorRoutes,
  ...recordingRoutes,
];
