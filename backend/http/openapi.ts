import { z } from 'zod';
import { errorEnvelopeSchema } from '../../shared/errors.ts';
import type { RouteDef } from './route.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** The OpenAPI 3 document of the API, generated from the same schemas that validate requests. */
export function openApiDocument(routes: readonly RouteDef[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: { name: string; in: string; required: boolean; schema: object }[] = r.params
      ? Object.keys((jsonSchema(r.params, 'input') as { properties?: object }).properties ?? {}).map(
          (name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          }),
        )
      : [];
    if (r.query) {
      const q = jsonSchema(r.query, 'input') as { properties?: Record<string, object>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      'x-access': r.access,
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      ...(r.rawBody
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                r.rawBody.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          content: { [r.produces ?? 'application/json']: { schema: jsonSchema(r.response, 'output') } },
        },
        default: {
          description: 'Error envelope',
          content: { 'application/json': { schema: jsonSchema(errorEnvelopeSchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Pagedesk API', version: '1' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
    security: [{ session: [] }],
    paths,
  };
}
