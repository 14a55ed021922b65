import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, waitForPort } from './ports.ts';

describe('freePort', () => {
  it('returns a port that a server can then listen on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    await waitForPort(port, 2000);
    await new Promise((resolve) => server.close(resolve));
  });

  it('waitForPort rejects when nothing listens', async () => {
    const port = await freePort();
    await expect(waitForPort(port, 300)).rejects.toThrow(/nothing listened/);
  });
});
