// The editor in Debian's Chromium co-edited through the real Repertoire server (the CLI over
// SQLite, production limits, the sample community, each page with a signed-in member's sync
// token): keystroke to visible in the other member's browser, typing latency in a 50-page
// document, and opening a 1 MB document. Peers measured in the same run, interleaved round by
// round (the order rotates) and repeated: the same pages over plain Hocuspocus, and the same
// Lexical editor without collaboration. A keystroke never seen by the other page, or a document
// that does not open in time, is a lost sample and fails the figure's goal.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { type EditorStage, startEditorStage } from '../e2e/editorPage.ts';
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

const ROUNDS = Number(process.env.EDITOR_BENCH_ROUNDS ?? 3);
const KEYS = 100;
const OPEN_TIMEOUT_MS = 60_000;
type Sync = 'repertoire' | 'hocuspocus';
type Peer = Sync | 'plain';
const PEERS: readonly Peer[] = ['repertoire', 'hocuspocus', 'plain'];
/** The members' pages: Ada is the demo owner, Bo an invited editor. */
const MEMBER = {
  'm-ada': { name: 'Ada', role: 'owner' },
  'm-bo': { name: 'Bo', role: 'editor' },
} as const;

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const median = (xs: number[]) => percentile(xs, 50);
const rounded = (n: number) => Math.round(n * 10) / 10;

/**
 * The typed keys' keydowns: the last `KEYS` (the Control+End that puts the caret at the end
 * before typing is recorded too, and changes no text).
 */
const typed = (p: Probed) => p.keydowns.slice(-KEYS);
/** keydown → first DOM change of this page after it, per key. */
const localLatencies = (p: Probed) =>
  typed(p).map((t) => {
    const m = p.mutations.find(([at]) => at >= t);
    return m ? m[0] - t : Number.NaN;
  });
const valid = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
const lostIn = (xs: number[]) => xs.filter((x) => Number.isNaN(x)).length;

class Pages {
  readonly #browser: Browser;
  readonly #stage: EditorStage;
  constructor(browser: Browser, stage: EditorStage) {
    this.#browser = browser;
    this.#stage = stage;
  }

  /** A page of `member` syncing through `sync` (or the editor alone, for `plain`). */
  async open(peer: Peer, member: keyof typeof MEMBER, params: Record<string, string>) {
    const context = await this.#browser.newContext();
    const repertoire = this.#stage.repertoire;
    if (peer === 'repertoire') {
      if (!repertoire) throw new Error('the stage has no Repertoire server');
      await context.exposeFunction('editorSyncToken', () => repertoire.token(MEMBER[member].role));
    }
    const page = await context.newPage();
    const where: Record<string, string> =
      peer === 'repertoire' && repertoire
        ? { ws: repertoire.wsUrl, workspace: repertoire.workspaceId }
        : {};
    await page.goto(
      this.#stage.pageUrl({
        member,
        name: MEMBER[member].name,
        ...where,
        ...(peer === 'plain' ? { plain: '1' } : {}),
        ...params,
      }),
    );
    if (params.deferred !== '1')
      await page.waitForFunction(() => (window as unknown as Win).editorTest?.ready(), null, {
        timeout: OPEN_TIMEOUT_MS,
      });
    else await page.waitForFunction(() => (window as unknown as Win).editorTest !== undefined);
    return page;
  }
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as Win).editorTest.probe());
const probed = (page: Page) => page.evaluate(() => (window as unknown as Win).editorTest.probed());
const typeKeys = async (page: Page, count: number, delay: number) => {
  await page.locator('[data-testid=editor]').click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
    await page.waitForTimeout(delay);
  }
};

interface Remote {
  remote: number[];
  arrival: number[];
  local: number[];
  keyIntervalMs: number;
  skewMs: [number, number];
}

/** Keystroke in Ada's page → visible in Bo's, through `sync`. */
async function remoteRound(pages: Pages, sync: Sync, round: number): Promise<Remote> {
  const doc = `latency-${round}`;
  const ada = await pages.open(sync, 'm-ada', { seed: '1', doc });
  const bo = await pages.open(sync, 'm-bo', { doc });
  try {
    await probe(ada);
    await probe(bo);
    const base = await bo.evaluate(() => (window as unknown as Win).editorTest.textLength());
    await typeKeys(ada, KEYS, 25);
    // Keys that never arrive are lost samples (NaN below), not a crash of the whole run.
    await bo
      .waitForFunction(
        (want) => (window as unknown as Win).editorTest.textLength() >= want,
        base + KEYS,
        { timeout: 30_000 },
      )
      .catch(() => undefined);
    const sent = await probed(ada);
    const seen = await probed(bo);
    // Each renderer process maps its monotonic clock to wall time on its own, so two pages'
    // `timeOrigin`s can disagree by tens of ms; put both on this process's clock first.
    const adaSkew = await clockSkew(ada);
    const boSkew = await clockSkew(bo);
    // Keystroke i is visible remotely once the other page shows as much text as this page
    // showed right after it (counting from a base read separately was off by one key).
    const keys = typed(sent);
    const remote = keys.map((t) => {
      const local = sent.mutations.find(([at]) => at >= t);
      if (!local) return Number.NaN;
      const m = seen.mutations.find(([, length]) => length >= local[1]);
      return m ? m[0] - boSkew - (t - adaSkew) : Number.NaN;
    });
    // Where the time goes: keystroke → the update reaching the other page's Y.Doc (network and
    // server), against the whole path to the other page's screen.
    const arrival = keys.map((t) => {
      const a = seen.arrivals.find((at) => at - boSkew >= t - adaSkew);
      return a === undefined ? Number.NaN : a - boSkew - (t - adaSkew);
    });
    for (let i = keys.length; i < KEYS; i++) remote.push(Number.NaN);
    return {
      remote,
      arrival,
      local: localLatencies(sent),
      keyIntervalMs: median(keys.slice(1).map((t, i) => t - (keys[i] as number))),
      skewMs: [adaSkew, boSkew],
    };
  } finally {
    await ada.context().close();
    await bo.context().close();
  }
}

/** Typing in the editor alone (no collaboration): keystroke to visible locally. */
async function plainTypingRound(pages: Pages, round: number): Promise<number[]> {
  const page = await pages.open('plain', 'm-ada', { doc: `latency-${round}` });
  try {
    await probe(page);
    await typeKeys(page, KEYS, 25);
    return localLatencies(await probed(page));
  } finally {
    await page.context().close();
  }
}

/** Typing latency in a 50-page document, through `peer`. */
async function longDocumentRound(pages: Pages, peer: Peer, round: number): Promise<number[]> {
  const page = await pages.open(peer, 'm-ada', { seed: '1', doc: `pages-${round}` });
  try {
    await page.evaluate(
      (md) => (window as unknown as Win).editorTest.loadMarkdown(md),
      FIFTY_PAGES,
    );
    await page.waitForFunction(() => (window as unknown as Win).editorTest.synced(), null, {
      timeout: 60_000,
    });
    await probe(page);
    await typeKeys(page, KEYS, 30);
    return localLatencies(await probed(page));
  } finally {
    await page.context().close();
  }
}

/**
 * Opening a 1 MB document: the server holds it (a writer stays connected so it stays loaded); a
 * reader mounts the editor and waits until all the text shows. Without collaboration the reader
 * gets the writer's editor state as JSON. NaN when it does not open in time.
 */
async function openRound(
  pages: Pages,
  peers: readonly Peer[],
  round: number,
): Promise<Record<Peer, number> & { length: number }> {
  const out = { length: 0 } as Record<Peer, number> & { length: number };
  const timed = (page: Page, want: number, json?: string) =>
    Promise.race([
      page.evaluate(
        ([w, state]) =>
          (window as unknown as Win).editorTest.open(w as number, state as string | undefined),
        [want, json] as const,
      ),
      new Promise<number>((r) => setTimeout(() => r(Number.NaN), OPEN_TIMEOUT_MS)),
    ]);
  let json = '';
  for (const peer of peers) {
    if (peer === 'plain') continue;
    const writer = await pages.open(peer, 'm-ada', { seed: '1', doc: `big-${round}` });
    try {
      await writer.evaluate((md) => (window as unknown as Win).editorTest.loadMarkdown(md), ONE_MB);
      await writer.waitForFunction(() => (window as unknown as Win).editorTest.synced(), null, {
        timeout: 120_000,
      });
      out.length = await writer.evaluate(() => (window as unknown as Win).editorTest.textLength());
      if (!json)
        json = await writer.evaluate(() => (window as unknown as Win).editorTest.editorStateJson());
      const reader = await pages.open(peer, 'm-bo', { doc: `big-${round}`, deferred: '1' });
      out[peer] = await timed(reader, out.length);
      await reader.context().close();
    } finally {
      await writer.context().close();
    }
  }
  // The plain reader goes where the rotation puts it, with the state the first writer made.
  const plainReader = await pages.open('plain', 'm-bo', { deferred: '1' });
  out.plain = await timed(plainReader, out.length, json);
  await plainReader.context().close();
  return out;
}

export default async function editorBench(): Promise<BenchReport> {
  const stage = await startEditorStage({ repertoire: true });
  // Both members' pages run at once, as two people's browsers would: no background throttling.
  const browser = await launchChromium([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  const pages = new Pages(browser, stage);
  const environment: Record<string, string | number> = { loadavgBefore: loadavg(), rounds: ROUNDS };
  const remote: Record<Sync, Remote[]> = { repertoire: [], hocuspocus: [] };
  const plainTyping: number[][] = [];
  const typing: Record<Peer, number[][]> = { repertoire: [], hocuspocus: [], plain: [] };
  const opens: Record<Peer, number[]> = { repertoire: [], hocuspocus: [], plain: [] };
  let openedLength = 0;
  const order: Peer[][] = [];
  try {
    // One warm-up round of the remote path (JIT, the server's first documents), not counted.
    await remoteRound(pages, 'repertoire', 99);
    await remoteRound(pages, 'hocuspocus', 99);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so a slow spell of the shared machine does not fall on one peer.
      const rotation = [...PEERS.slice(round % 3), ...PEERS.slice(0, round % 3)];
      order.push(rotation);
      for (const peer of rotation)
        if (peer === 'plain') plainTyping.push(await plainTypingRound(pages, round));
        else remote[peer].push(await remoteRound(pages, peer, round));
      for (const peer of rotation) typing[peer].push(await longDocumentRound(pages, peer, round));
      const opened = await openRound(pages, rotation, round);
      openedLength = opened.length;
      for (const peer of PEERS) opens[peer].push(opened[peer]);
      console.log(
        `  round ${round + 1}/${ROUNDS} (${rotation.join(', ')}): remote p50 ${PEERS.filter(
          (p): p is Sync => p !== 'plain',
        )
          .map((p) => `${p} ${rounded(percentile(valid(remote[p].at(-1)?.remote ?? []), 50))}`)
          .join(
            ', ',
          )}; open ${PEERS.map((p) => `${p} ${Math.round(opened[p])}`).join(', ')} ms; load ${loadavg()}`,
      );
    }
  } finally {
    await browser.close();
    await stage.close();
  }
  environment.loadavgAfter = loadavg();

  const all = (rs: Remote[], key: 'remote' | 'arrival' | 'local') => rs.flatMap((r) => r[key]);
  const p = (xs: number[], q: number) => rounded(percentile(valid(xs), q));
  const failing = (lost: number, figure: BenchFigure): BenchFigure =>
    lost > 0
      ? { ...figure, met: false, goal: `${figure.goal}, no lost samples (${lost} lost)` }
      : figure;
  const remoteOf = (s: Sync) => all(remote[s], 'remote');
  const figures: BenchFigure[] = [];
  for (const q of [50, 99])
    figures.push(
      failing(
        lostIn(remoteOf('repertoire')),
        under(
          `keystroke to visible in the other browser p${q} (Repertoire server)`,
          p(remoteOf('repertoire'), q),
          'ms',
          100,
          {
            'plain Hocuspocus': p(remoteOf('hocuspocus'), q),
            'same editor, no collaboration (keystroke to visible locally)': p(
              plainTyping.flat(),
              q,
            ),
            "Repertoire: keystroke to the update reaching the other page's Y.Doc": p(
              all(remote.repertoire, 'arrival'),
              q,
            ),
            'Repertoire: keystroke to visible locally': p(all(remote.repertoire, 'local'), q),
          },
        ),
      ),
    );
  figures.push({
    metric: 'keystrokes measured over the Repertoire server (lost: Repertoire, Hocuspocus)',
    value: valid(remoteOf('repertoire')).length,
    unit: 'keys',
    peers: {
      'plain Hocuspocus': valid(remoteOf('hocuspocus')).length,
      'lost Repertoire': lostIn(remoteOf('repertoire')),
      'lost Hocuspocus': lostIn(remoteOf('hocuspocus')),
    },
  });
  for (const q of [50, 99])
    figures.push(
      failing(
        lostIn(typing.repertoire.flat()),
        under(
          `typing latency in a 50-page document p${q} (Repertoire server)`,
          p(typing.repertoire.flat(), q),
          'ms',
          16,
          {
            'plain Hocuspocus': p(typing.hocuspocus.flat(), q),
            'same editor, no collaboration': p(typing.plain.flat(), q),
          },
        ),
      ),
    );
  figures.push(
    failing(
      lostIn(opens.repertoire),
      under(
        `open a 1 MB document (sync + render, Repertoire server, median of ${ROUNDS})`,
        rounded(median(valid(opens.repertoire))),
        'ms',
        1000,
        {
          'plain Hocuspocus': rounded(median(valid(opens.hocuspocus))),
          'same editor, no collaboration (editor state JSON)': rounded(median(valid(opens.plain))),
          'lost Repertoire': lostIn(opens.repertoire),
          'lost Hocuspocus': lostIn(opens.hocuspocus),
        },
      ),
    ),
  );
  Object.assign(environment, {
    keystrokesPerRound: KEYS,
    fiftyPageChars: FIFTY_PAGES.length,
    oneMbChars: ONE_MB.length,
    openedTextLength: openedLength,
    keyIntervalP50Ms: rounded(median(remote.repertoire.map((r) => r.keyIntervalMs))),
    clockSkewMaxMs: Math.round(
      Math.max(
        ...[...remote.repertoire, ...remote.hocuspocus].flatMap((r) => r.skewMs.map(Math.abs)),
      ),
    ),
  });
  return {
    name: 'editor',
    description:
      'Lexical 0.52 + @lexical/yjs in Debian Chromium co-edited over the Repertoire server (SQLite, production limits, signed-in members), against plain Hocuspocus and the same editor without collaboration, interleaved and repeated',
    environment,
    figures,
    runs: {
      order,
      opensMs: opens,
      remoteP50PerRound: Object.fromEntries(
        (['repertoire', 'hocuspocus'] as const).map((s) => [
          s,
          remote[s].map((r) => p(r.remote, 50)),
        ]),
      ),
      typingP50PerRound: Object.fromEntries(
        PEERS.map((peer) => [peer, typing[peer].map((xs) => p(xs, 50))]),
      ),
    },
  };
}
