import type { Context } from 'hono';
import type { SandboxContext } from './context.ts';
import type { Caller } from './graph-auth.ts';
import type { GraphParams } from './graph-params.ts';
import type { GraphNode } from './state.ts';

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

/** One authenticated Graph call on a resolved node (and maybe an edge). */
export interface GraphRequest {
  ctx: SandboxContext;
  c: Context;
  method: GraphMethod;
  params: GraphParams;
  caller: Caller;
  node: GraphNode;
  /** The id as written in the path (`me` stays `me`). */
  id: string;
  edge?: string;
  /** A Graph JSON response in Meta's serialization. */
  reply(body: unknown, status?: number, headers?: Record<string, string>): Response;
}

export type GraphHandler = (req: GraphRequest) => Response | Promise<Response>;

/** Handlers keyed by `METHOD nodeType` or `METHOD nodeType/edge`, e.g. `POST page/messages`. */
export type GraphRoutes = Partial<
  Record<`${GraphMethod} ${GraphNode['type']}${'' | `/${string}`}`, GraphHandler>
>;

/** Meta's names for node types, as its error messages print them. */
export const NODE_TYPE_NAMES: Record<GraphNode['type'], string> = {
  user: 'User',
  page: 'Page',
  post: 'PagePost',
  comment: 'Comment',
  psid: 'User',
};
