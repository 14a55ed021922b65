import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './tempDir.ts';

it('a temp dir exists until disposed, contents and all', async () => {
  const dir = await tempDir();
  writeFileSync(join(dir.path, 'a.txt'), 'x');
  expect(existsSync(join(dir.path, 'a.txt'))).toBe(true);
  await dir.dispose();
  expect(existsSync(dir.path)).toBe(false);
});
