import { createServer } from 'node:http';
import { expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { freePort } from './ports.ts';

it("drives Debian's Chromium: loads a local page and clicks a button", async () => {
  const port = await freePort();
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<button onclick="this.textContent='clicked'">press</button>`);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.click('button');
    expect(await page.textContent('button')).toBe('clicked');
  } finally {
    await browser.close();
    server.close();
  }
  expect(browser.isConnected()).toBe(false);
});
