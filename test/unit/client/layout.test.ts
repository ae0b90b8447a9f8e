import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../client/src');
const sources = (dir: string) =>
  readdirSync(path.join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(src, dir, f), 'utf8') }));
const imports = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);

describe('client layout', () => {
  it('keeps the socket inside room/: components act through useRoomActions()', () => {
    for (const { file, text } of sources('components')) {
      for (const from of imports(text)) {
        expect(from, file).not.toMatch(/socket\.io|\/room\/socket\.js$|\/room\/useRoomConnection\.js$/);
      }
    }
  });

  it('shares types through room/ or shared/, never through a screen component', () => {
    for (const { file, text } of [...sources('components'), ...sources('room'), ...sources('agreement')]) {
      for (const from of imports(text)) expect(from, file).not.toMatch(/Screen\.js$/);
    }
  });
});
