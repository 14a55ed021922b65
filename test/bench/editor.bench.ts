// The editor in Debian's Chromium through a real Hocuspocus server, each figure measured in the
// same run with the same Lexical editor without collaboration: keystroke to visible in the other
// member's browser, typing latency in a 50-page document, and opening a 1 MB document.
import type { Page } from 'playwright-core';
import { startEditorStage } from '../e2e/editorPage.ts';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { launchChromium } from '../src/chromium.ts';

interface Probed {
  keydowns: number[];
  mutations: [number, number][];
  arrivals: number[];
}
interface Api {
  ready(): boolean;
  synced(): boolean;
  probe(): void;
  probed(): Probed;
  textLength(): number;
  loadMarkdown(markdown: string): void;
  open(length: number, editorStateJson?: string): Promise<number>;
  editorStateJson(): string;
}
type Win = Window & { editorTest: Api };

const SENTENCE =
  'Members observed each other teaching and wrote down what they noticed about student talk. ';
/** About `bytes` of Markdown: headings every ten paragraphs, paragraphs of four sentences. */
function markdownOf(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = i % 10 === 0 ? `## Session ${i / 10 + 1}` : SENTENCE.repeat(4).trim();
    parts.push(block);
    size += block.length + 2;
  }
  return parts.join('\n\n');
}
// A page is about 3,000 characters of prose.
const FIFTY_PAGES = markdownOf(50 * 3_000);
const ONE_MB = markdownOf(1_000_000);

/**
 * How far the page's clock (`timeOrigin + now()`) is ahead of this process's, from the
 * round trip with the least delay among several (its midpoint is the best estimate).
 */
async function clockSkew(page: Page): Promise<number> {
  const here = () => performance.timeOrigin + performance.now();
  let best = { rtt: Number.POSITIVE_INFINITY, skew: 0 };
  for (let i = 0; i < 25; i++) {
    const before = here();
    const there = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = here();
    if (after - before < best.rtt)
      best = { rtt: after - before, skew: there - (before + after) / 2 };
  }
  return best.skew;
}

export default async function editorBench(): Promise<BenchReport> {
  const stage = await startEditorStage();
  // Both members' pages run at once, as two people's browsers would: no background throttling.
  const browser = await launchChromium([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  const figures: BenchFigure[] = [];
  let adaSkewSeen = 0;
  let boSkewSeen = 0;
  let keyInterval = 0;
  const open = async (params: Record<string, string>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(stage.pageUrl(params));
    if (params.deferred !== '1')
      await page.waitForFunction(() => (window as unknown as Win).editorTest?.ready());
    else await page.waitForFunction(() => (window as unknown as Win).editorTest !== undefined);
    return page;
  };
  const probed = (page: Page) =>
    page.evaluate(() => (window as unknown as Win).editorTest.probed());
  const typeKeys = async (page: Page, count: number, delay: number) => {
    await page.locator('[data-testid=editor]').click();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < count; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
      await page.waitForTimeout(delay);
    }
  };
  /** keydown → first DOM change of this page after it, per key. */
  const localLatencies = (p: Probed) =>
    p.keydowns.map((t) => {
      const m = p.mutations.find(([at]) => at >= t);
      return m ? m[0] - t : Number.NaN;
    });

  try {
    // 1. Keystroke to visible in the other member's browser.
    const ada = await open({ member: 'm-ada', name: 'Ada', seed: '1', doc: 'latency' });
    const bo = await open({ member: 'm-bo', name: 'Bo', doc: 'latency' });
    await ada.evaluate(() => (window as unknown as Win).editorTest.probe());
    await bo.evaluate(() => (window as unknown as Win).editorTest.probe());
    const base = await bo.evaluate(() => (window as unknown as Win).editorTest.textLength());
    const KEYS = 200;
    await typeKeys(ada, KEYS, 25);
    await bo.waitForFunction(
      (want) => (window as unknown as Win).editorTest.textLength() >= want,
      base + KEYS,
      { timeout: 30_000 },
    );
    const sent = await probed(ada);
    const seen = await probed(bo);
    // Each renderer process maps its monotonic clock to wall time on its own, so two pages'
    // `timeOrigin`s can disagree by tens of ms; put both on this process's clock first.
    const adaSkew = await clockSkew(ada);
    const boSkew = await clockSkew(bo);
    adaSkewSeen = adaSkew;
    keyInterval = percentile(
      sent.keydowns.slice(1).map((t, i) => t - (sent.keydowns[i] as number)),
      50,
    );
    boSkewSeen = boSkew;
    // Keystroke i is visible remotely once the other page shows as much text as this page
    // showed right after it (counting from a base read separately was off by one key).
    const remote = sent.keydowns.map((t) => {
      const local = sent.mutations.find(([at]) => at >= t);
      if (!local) return Number.NaN;
      const m = seen.mutations.find(([, length]) => length >= local[1]);
      return m ? m[0] - boSkew - (t - adaSkew) : Number.NaN;
    });
    // Where the time goes: keystroke → the update reaching the other page's Y.Doc (network and
    // server), against the whole path to the other page's screen.
    const arrival = sent.keydowns.map((t) => {
      const a = seen.arrivals.find((at) => at - boSkew >= t - adaSkew);
      return a === undefined ? Number.NaN : a - boSkew - (t - adaSkew);
    });
    const plainPage = await open({ member: 'm-ada', name: 'Ada', plain: '1', doc: 'latency' });
    await plainPage.evaluate(() => (window as unknown as Win).editorTest.probe());
    await typeKeys(plainPage, KEYS, 25);
    const plainLocal = localLatencies(await probed(plainPage));
    const collabLocal = localLatencies(sent);
    figures.push(
      under('keystroke to visible in the other browser p50', percentile(remote, 50), 'ms', 100, {
        'same editor, no collaboration (keystroke to visible locally)': percentile(plainLocal, 50),
        "keystroke to the update reaching the other page's Y.Doc": percentile(arrival, 50),
      }),
      under('keystroke to visible in the other browser p99', percentile(remote, 99), 'ms', 100, {
        'same editor, no collaboration (keystroke to visible locally)': percentile(plainLocal, 99),
        'collaborative editor, keystroke to visible locally': percentile(collabLocal, 99),
        "keystroke to the update reaching the other page's Y.Doc": percentile(arrival, 99),
      }),
    );
    for (const p of [ada, bo, plainPage]) await p.context().close();

    // 2. Typing latency in a 50-page document.
    const typingIn = async (params: Record<string, string>) => {
      const page = await open(params);
      await page.evaluate(
        (md) => (window as unknown as Win).editorTest.loadMarkdown(md),
        FIFTY_PAGES,
      );
      await page.waitForFunction(() => (window as unknown as Win).editorTest.synced(), null, {
        timeout: 60_000,
      });
      await page.evaluate(() => (window as unknown as Win).editorTest.probe());
      await typeKeys(page, 100, 30);
      const latencies = localLatencies(await probed(page));
      await page.context().close();
      return latencies;
    };
    const collabTyping = await typingIn({ member: 'm-ada', name: 'Ada', seed: '1', doc: 'pages' });
    const plainTyping = await typingIn({ member: 'm-ada', name: 'Ada', plain: '1', doc: 'pages' });
    figures.push(
      under('typing latency in a 50-page document p50', percentile(collabTyping, 50), 'ms', 16, {
        'same editor, no collaboration': percentile(plainTyping, 50),
      }),
      under('typing latency in a 50-page document p99', percentile(collabTyping, 99), 'ms', 16, {
        'same editor, no collaboration': percentile(plainTyping, 99),
      }),
    );

    // 3. Opening a 1 MB document: the server holds it (a writer stays connected so it stays
    // loaded); a reader mounts the editor and waits until all the text shows.
    const writer = await open({ member: 'm-ada', name: 'Ada', seed: '1', doc: 'big' });
    await writer.evaluate((md) => (window as unknown as Win).editorTest.loadMarkdown(md), ONE_MB);
    await writer.waitForFunction(() => (window as unknown as Win).editorTest.synced(), null, {
      timeout: 120_000,
    });
    const length = await writer.evaluate(() => (window as unknown as Win).editorTest.textLength());
    const json = await writer.evaluate(() =>
      (window as unknown as Win).editorTest.editorStateJson(),
    );
    const reader = await open({ member: 'm-bo', name: 'Bo', doc: 'big', deferred: '1' });
    const collabOpen = await reader.evaluate(
      (want) => (window as unknown as Win).editorTest.open(want),
      length,
    );
    const plainReader = await open({ member: 'm-bo', name: 'Bo', plain: '1', deferred: '1' });
    const plainOpen = await plainReader.evaluate(
      ([want, state]) =>
        (window as unknown as Win).editorTest.open(want as number, state as string),
      [length, json] as const,
    );
    figures.push(
      under('open a 1 MB document (sync + render)', collabOpen, 'ms', 1000, {
        'same editor, no collaboration (editor state JSON)': plainOpen,
      }),
    );
    return {
      name: 'editor',
      description:
        'Lexical 0.52 + @lexical/yjs over Hocuspocus in Debian Chromium, against the same editor without collaboration',
      environment: {
        keystrokes: KEYS,
        fiftyPageChars: FIFTY_PAGES.length,
        oneMbChars: ONE_MB.length,
        openedTextLength: length,
        clockSkewAdaMs: Math.round(adaSkewSeen),
        clockSkewBoMs: Math.round(boSkewSeen),
        keyIntervalP50Ms: Math.round(keyInterval),
      },
      figures,
    };
  } finally {
    await browser.close();
    await stage.close();
  }
}
