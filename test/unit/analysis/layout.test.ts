import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module `file` imports, as a path from the repository root (node built-ins as they are). */
function imports(file: string): string[] {
  const specs = [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(dirname(file), s)) : s));
}

describe('analyzer layout', () => {
  it('server/analysis imports only itself, shared/ and node built-ins', () => {
    for (const file of sources(join(ROOT, 'server/analysis'))) {
      for (const target of imports(file)) {
        const ok = target.startsWith('node:') || target.startsWith('server/analysis/') || target.startsWith('shared/');
        expect(ok, `${relative(ROOT, file)} imports ${target}`).toBe(true);
      }
    }
  });

  it('the rewriter imports nothing from the analyzer; only its index ties the two together', () => {
    for (const file of sources(join(ROOT, 'server/facilitator/rewrite'))) {
      if (file.endsWith('/index.ts')) continue;
      for (const target of imports(file)) {
        expect(target.startsWith('server/analysis/index'), `${relative(ROOT, file)} imports ${target}`).toBe(false);
      }
    }
  });
});
