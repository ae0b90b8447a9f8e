// Copies the screenshots the browser test saved (test-results/screenshots/, ignored by git) into
// docs/screenshots/, on purpose: running the tests never changes the docs.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-results/screenshots');
const to = path.join(root, 'docs/screenshots');
const shots = existsSync(from) ? readdirSync(from).filter((name) => name.endsWith('.png')) : [];
if (shots.length === 0) {
  console.error('No screenshots in test-results/screenshots/: run `npm run test:e2e` first.');
  process.exit(1);
}
for (const name of shots) cpSync(path.join(from, name), path.join(to, name));
console.log(`${shots.length} screenshots copied into docs/screenshots/`);
