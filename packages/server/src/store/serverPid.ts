import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data directory naming the process that serves it. */
export const SERVER_PID_FILE = 'repertoire.pid';

/** Records that this process serves `dataDir`; returns a function that removes the record. */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, SERVER_PID_FILE);
  writeFileSync(file, String(process.pid));
  return () => {
    if (runningServerPid(dataDir) === process.pid) rmSync(file, { force: true });
  };
}

/**
 * The process id of a live server on `dataDir`, or null. A file left by a killed server names a
 * dead process and counts as none.
 */
export function runningServerPid(dataDir: string): number | null {
  const file = join(dataDir, SERVER_PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
