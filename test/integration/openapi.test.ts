import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../backend/http/routes/index.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/openapi.json', () => {
  it('documents every route with its method, schemas and access', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of allRoutes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op['x-access']).toEqual(r.access);
      expect(op.responses.default.content['application/json'].schema.properties.error).toBeDefined();
    }
  });

  it('derives request bodies from the validating schemas (required fields, enums)', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json();
    const schema = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    expect(schema.required.sort()).toEqual(['email', 'name', 'password', 'role']);
    expect(schema.properties.role.enum).toEqual(['admin', 'supervisor', 'agent']);
    expect(schema.additionalProperties).toBe(false);
    expect(doc.paths['/api/users/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
  });
});
