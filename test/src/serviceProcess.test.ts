import { describe, expect, it } from 'vitest';
import { startProcess } from './serviceProcess.ts';

const processListeners = () =>
  process.eventNames().reduce((n, name) => n + process.listenerCount(name), 0);

describe('startProcess', () => {
  it('keeps the output and, over many start/stop cycles, leaves no listener behind', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const before = processListeners();
      for (let i = 0; i < 25; i++) {
        const proc = startProcess(process.execPath, [
          '-e',
          `console.log('ready ${i}'); setInterval(() => {}, 1000)`,
        ]);
        const closed = new Promise((resolve) => proc.child.once('close', resolve));
        await expect.poll(() => proc.output(), { timeout: 20_000 }).toContain(`ready ${i}`);
        await proc.stop();
        await closed;
        expect(proc.child.stdout?.listenerCount('data') ?? 0).toBe(0);
        expect(proc.child.stderr?.listenerCount('data') ?? 0).toBe(0);
        expect(proc.child.listenerCount('exit')).toBe(0);
      }
      expect(processListeners()).toBe(before);
      expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  }, 120_000);

  it('stop() on a process that already exited resolves at once', async () => {
    const proc = startProcess(process.execPath, ['-e', 'process.exit(0)']);
    await new Promise((resolve) => proc.child.once('exit', resolve));
    await proc.stop();
    expect(proc.child.exitCode).toBe(0);
  });
});
