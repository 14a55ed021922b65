import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir; `dispose` removes it and everything in it. */
export interface TempDir {
  readonly path: string;
  dispose(): Promise<void>;
}

export async function tempDir(prefix = 'repertoire-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}
