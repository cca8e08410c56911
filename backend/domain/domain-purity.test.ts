import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = path.resolve('backend/domain');
// Anything that reaches the outside world, the clock or randomness has no place in the domain.
const FORBIDDEN_MODULES =
  /^(node:)?(fs|net|http|https|child_process|dgram|dns|tls|crypto|worker_threads)(\/|$)|^(pg|ws|hono|@hono\/|@electric-sql\/|drizzle-orm)/;
const FORBIDDEN_CALLS = /\bDate\.now\(\)|\bnew Date\(\)|\bMath\.random\(\)|\bprocess\.env\b/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-support' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('backend/domain is pure (STYLE.md §3)', () => {
  const files = sources(DOMAIN);

  it('has code to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const rel = path.relative(DOMAIN, file);
    it(`${rel} imports nothing that does I/O and reads no clock or randomness of its own`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec, `${rel} imports ${spec}`).not.toMatch(FORBIDDEN_MODULES);
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          expect(target.startsWith(DOMAIN), `${rel} reaches outside domain/: ${spec}`).toBe(true);
        }
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(FORBIDDEN_CALLS);
    });
  }
});
