import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** A child process started for a test, with its output kept for error messages. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Sends SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ServiceProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Every listener this adds goes once the child has closed its output, so a long run of
  // start/stop cycles holds none of them (and nothing is added to `process`).
  child.once('close', () => {
    child.stdout?.off('data', keep);
    child.stderr?.off('data', keep);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
