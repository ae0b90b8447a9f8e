// Compiles server/ and shared/ to dist/ for `npm start`: one .js file per .ts file, the tree kept as it is
// (no bundling), so every import.meta.url points where the source's does. Files that are not TypeScript
// (the analyzer's model/*.json and *.bin) are copied beside the compiled modules that read them.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const sources = ['server', 'shared'];

const files = sources.flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
);
const isSource = (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: files.filter(isSource),
  outdir: out,
  outbase: '.',
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const assets = files.filter((file) => !isSource(file));
for (const file of assets) cpSync(path.join(root, file), path.join(out, file));
console.log(`server built into dist/ (${files.length - assets.length} modules, ${assets.length} other files)`);
