import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startRedis } from './redis.ts';

/** Speaks just enough RESP to send one inline command and read one reply line. */
function ask(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().trim());
    });
    socket.once('error', reject);
  });
}

it('starts a real redis-server that answers, and stops it', async () => {
  const redis = await startRedis();
  expect(await ask(redis.port, 'PING')).toBe('+PONG');
  expect(await ask(redis.port, 'SET k v')).toBe('+OK');
  await redis.stop();
  await expect(ask(redis.port, 'PING')).rejects.toThrow();
});
