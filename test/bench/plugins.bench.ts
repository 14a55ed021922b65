// The plugin platform in the real app, in Debian's Chromium against the real server (the web app
// built by Vite, `repertoire serve --sample --plugins <dir>`): a third-party plugin installed on
// the server runs where every third-party plugin runs (a Worker in an opaque-origin iframe, every
// call permission-checked by the host), and its twin — the same module — runs in the page as the
// built-ins do, added through the same host. Measured, interleaved and repeated in one run:
// - API round trip (`graph.getEntity`) timed inside the plugin, p50 and p99;
// - activation of every built-in at start-up, and of the bench plugin in the page vs sandboxed;
// - first paint of a webview view, from "open the view" to the frame's first painted frame.
// A sample that is lost or times out counts as a failure and fails the figure's goal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../e2e/signedIn.ts';
import { buildWebApp, startWorkbenchStage } from '../e2e/workbenchStage.ts';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { launchChromium } from '../src/chromium.ts';
import { tempDir } from '../src/tempDir.ts';

const ROUNDS = 20;
const CALLS_PER_ROUND = 50;
const CALL_TIMEOUT_MS = 1000;
const ACTIVATIONS = 10;
const PAINTS = 12;
const PAINT_TIMEOUT_MS = 5000;
const STARTUPS = 3;

type Twin = 'sandboxed' | 'inpage';
const TWINS: readonly Twin[] = ['sandboxed', 'inpage'];

/** The bench plugin: one self-contained ES module, as `pnpm build` ships a plugin. */
function benchPlugin(twin: Twin) {
  const prefix = `bench${twin}`;
  const packageJson = {
    name: `bench-${twin}`,
    version: '1.0.0',
    type: 'module',
    repertoire: {
      id: `bench.${twin}`,
      displayName: `Bench (${twin})`,
      version: '1.0.0',
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      activationEvents: [
        `onCommand:${prefix}.roundTrips`,
        `onCommand:${prefix}.paints`,
        `onView:${prefix}.view`,
      ],
      permissions: ['graph.read'],
      contributes: {
        commands: [
          { id: `${prefix}.roundTrips`, title: 'Time API round trips', category: 'Bench' },
          { id: `${prefix}.paints`, title: 'Painted views', category: 'Bench' },
        ],
        views: [{ id: `${prefix}.view`, name: `Bench view (${twin})`, location: 'editor' }],
      },
    },
  };
  const source = `const paints = [];
export function activate(ctx) {
  ctx.subscriptions.push(
    ctx.commands.registerCommand('${prefix}.roundTrips', async (count, timeoutMs) => {
      const [first] = await ctx.graph.entities({ limit: 1 });
      if (!first) throw new Error('the workspace is empty');
      const samples = [];
      let lost = 0;
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        let timer;
        const t0 = performance.now();
        const ok = await Promise.race([
          ctx.graph.getEntity(first.id).then((e) => e?.id === first.id, () => false),
          new Promise((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); }),
        ]);
        const ms = performance.now() - t0;
        clearTimeout(timer);
        if (ok) samples.push(ms); else lost++;
      }
      return { samples, lost, totalMs: performance.now() - started };
    }),
    ctx.commands.registerCommand('${prefix}.paints', () => paints.splice(0)),
    ctx.webviews.registerWebviewViewProvider('${prefix}.view', {
      resolveWebviewView(view) {
        view.webview.setContent({
          html: '<h1>Bench</h1><p>A view of the bench plugin (${twin}).</p>',
          css: 'body { color: var(--rp-fg); background: var(--rp-bg); font-family: var(--rp-font); }',
          // After the next animation frame the first frame has been painted.
          script: 'requestAnimationFrame(() => setTimeout(() => repertoireWebview.postMessage({ painted: performance.timeOrigin + performance.now() }), 0));',
        });
        view.webview.onDidReceiveMessage((message) => {
          if (message && typeof message.painted === 'number') paints.push(message.painted);
        });
      },
    }),
  );
}
`;
  return { prefix, packageJson, source };
}

interface Hooks {
  execute(id: string, ...args: unknown[]): Promise<unknown>;
  openView(viewId: string): Promise<void>;
  closeView(viewId: string): void;
  activate(id: string): Promise<void>;
  deactivate(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  plugins(): { id: string; builtin: boolean; sandboxed: boolean; state: string }[];
  startup: { startMs: number; preloadMs: number; activeAfterStart: string[] };
  activateBuiltins(): Promise<{ started: { id: string; ms: number }[]; failed: string[] }>;
  addInPage(packageJson: unknown, source: string): Promise<void>;
}
type Win = Window & { repertoireHost: Hooks };

async function signedInPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const res = await context.request.post(`${url}/api/auth/sign-in`, { data: DEMO });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'repertoireHost' in window, undefined, { timeout: 60_000 });
  return page;
}

const fmt = (n: number) => Math.round(n * 1000) / 1000;

export default async function pluginsBench(): Promise<BenchReport> {
  const plugins = await tempDir('repertoire-bench-plugins-');
  const sandboxed = benchPlugin('sandboxed');
  const inpage = benchPlugin('inpage');
  mkdirSync(join(plugins.path, 'bench'));
  writeFileSync(join(plugins.path, 'bench', 'package.json'), JSON.stringify(sandboxed.packageJson));
  writeFileSync(join(plugins.path, 'bench', 'index.js'), sandboxed.source);

  const web = await buildWebApp();
  const stage = await startWorkbenchStage({ sample: true, web, plugins: plugins.path });
  const browser = await launchChromium([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  const figures: BenchFigure[] = [];
  const environment: Record<string, string | number> = {
    loadavgBefore: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
  try {
    // 1. Start-up: a fresh page each time; the host starts, then every built-in not yet active is
    //    activated one after another (what opening every view once would do).
    const startups: number[] = [];
    const hostStarts: number[] = [];
    const preloads: number[] = [];
    let builtinCount = 0;
    const startupFailures: string[] = [];
    const perPlugin = new Map<string, number[]>();
    for (let i = 0; i < STARTUPS; i++) {
      const page = await signedInPage(browser, stage.url);
      const run = await page.evaluate(async () => {
        const hooks = (window as unknown as Win).repertoireHost;
        const t0 = performance.now();
        const { started, failed } = await hooks.activateBuiltins();
        const restMs = performance.now() - t0;
        const builtins = hooks.plugins().filter((p) => p.builtin);
        return {
          startMs: hooks.startup.startMs,
          preloadMs: hooks.startup.preloadMs,
          activeAfterStart: hooks.startup.activeAfterStart,
          restMs,
          started,
          failed,
          builtins: builtins.length,
          inactive: builtins.filter((p) => p.state !== 'active').map((p) => p.id),
        };
      });
      builtinCount = run.builtins;
      environment.activeAfterHostStart = run.activeAfterStart.join(', ');
      startupFailures.push(...run.failed, ...run.inactive.map((id) => `${id} not active`));
      hostStarts.push(run.startMs);
      preloads.push(run.preloadMs);
      for (const { id, ms } of run.started) perPlugin.set(id, [...(perPlugin.get(id) ?? []), ms]);
      startups.push(run.startMs + run.restMs);
      await page.context().close();
    }

    // One page for the rest: the sandboxed plugin from the server, its twin added in the page.
    const page = await signedInPage(browser, stage.url);
    await page.evaluate(
      async ([pkg, source]) => {
        const hooks = (window as unknown as Win).repertoireHost;
        await hooks.setEnabled('bench.sandboxed', true);
        await hooks.addInPage(pkg, source as string);
      },
      [inpage.packageJson, inpage.source] as const,
    );
    const where = await page.evaluate(() =>
      (window as unknown as Win).repertoireHost
        .plugins()
        .filter((p) => p.id.startsWith('bench.'))
        .map((p) => `${p.id}:${p.sandboxed ? 'sandboxed' : 'page'}`),
    );
    if (where.sort().join(' ') !== 'bench.inpage:page bench.sandboxed:sandboxed')
      throw new Error(`the bench plugins did not load where expected: ${where.join(', ')}`);

    // 2. API round trips, in batches alternating between the twins.
    const calls: Record<Twin, number[]> = { sandboxed: [], inpage: [] };
    const lostCalls: Record<Twin, number> = { sandboxed: 0, inpage: 0 };
    // Timers here tick in 0.1 ms steps (the page is not cross-origin isolated), so the mean is
    // also taken over each batch as a whole.
    const batchMs: Record<Twin, number> = { sandboxed: 0, inpage: 0 };
    for (let round = 0; round < ROUNDS; round++)
      for (const twin of round % 2 ? [...TWINS].reverse() : TWINS) {
        const { samples, lost, totalMs } = (await page.evaluate(
          ([command, count, timeout]) =>
            (window as unknown as Win).repertoireHost.execute(
              command as string,
              count as number,
              timeout as number,
            ),
          [`bench${twin}.roundTrips`, CALLS_PER_ROUND, CALL_TIMEOUT_MS] as const,
        )) as { samples: number[]; lost: number; totalMs: number };
        // The first round warms both paths (module, JIT, the bridge's port) and is not counted.
        if (round === 0) continue;
        calls[twin].push(...samples);
        lostCalls[twin] += lost;
        batchMs[twin] += totalMs;
      }

    // 3. Activation of the bench plugin, in the page and sandboxed, alternating.
    const activations: Record<Twin, number[]> = { sandboxed: [], inpage: [] };
    for (let round = 0; round < ACTIVATIONS; round++)
      for (const twin of round % 2 ? [...TWINS].reverse() : TWINS) {
        const ms = await page.evaluate(async (id) => {
          const hooks = (window as unknown as Win).repertoireHost;
          await hooks.deactivate(id);
          const t0 = performance.now();
          await hooks.activate(id);
          return performance.now() - t0;
        }, `bench.${twin}`);
        activations[twin].push(ms);
      }

    // 4. First paint of each twin's webview view in an editor tab, alternating.
    const paints: Record<Twin, number[]> = { sandboxed: [], inpage: [] };
    const lostPaints: Record<Twin, number> = { sandboxed: 0, inpage: 0 };
    for (let round = 0; round <= PAINTS; round++)
      for (const twin of round % 2 ? [...TWINS].reverse() : TWINS) {
        const ms = await page.evaluate(
          async ([prefix, timeout]) => {
            const hooks = (window as unknown as Win).repertoireHost;
            await hooks.execute(`${prefix}.paints`); // nothing left over from a late paint
            const t0 = performance.timeOrigin + performance.now();
            await hooks.openView(`${prefix}.view`);
            let painted: number | undefined;
            while (
              painted === undefined &&
              performance.timeOrigin + performance.now() - t0 < (timeout as number)
            ) {
              await new Promise((r) => setTimeout(r, 5));
              painted = ((await hooks.execute(`${prefix}.paints`)) as number[])[0];
            }
            hooks.closeView(`${prefix}.view`);
            await new Promise((r) => setTimeout(r, 50)); // let the tab and its frame go
            return painted === undefined ? null : painted - t0;
          },
          [`bench${twin}`, PAINT_TIMEOUT_MS] as const,
        );
        if (round === 0) continue; // warm-up
        if (ms === null) lostPaints[twin]++;
        else paints[twin].push(ms);
      }
    await page.context().close();

    // Figures: each sandboxed figure beside its goal, its in-page twin as the peer.
    const failing = (lost: number, figure: BenchFigure): BenchFigure =>
      lost > 0
        ? { ...figure, met: false, goal: `${figure.goal}, no lost samples (${lost} lost)` }
        : figure;
    const p = (xs: number[], q: number) => fmt(percentile(xs, q));
    figures.push(
      failing(
        lostCalls.sandboxed,
        under('API round trip from a sandboxed plugin, p50', p(calls.sandboxed, 50), 'ms', 5, {
          'in page': p(calls.inpage, 50),
        }),
      ),
      failing(
        lostCalls.sandboxed,
        under('API round trip from a sandboxed plugin, p99', p(calls.sandboxed, 99), 'ms', 5, {
          'in page': p(calls.inpage, 99),
        }),
      ),
      {
        metric: 'API round trip from a sandboxed plugin, mean over whole batches',
        value: fmt(batchMs.sandboxed / (calls.sandboxed.length + lostCalls.sandboxed)),
        unit: 'ms',
        peers: { 'in page': fmt(batchMs.inpage / (calls.inpage.length + lostCalls.inpage)) },
      },
      { metric: 'API round trip in the page, p50', value: p(calls.inpage, 50), unit: 'ms' },
      { metric: 'API round trip in the page, p99', value: p(calls.inpage, 99), unit: 'ms' },
      {
        metric: 'API round trips measured per path (lost: sandboxed, in page)',
        value: calls.sandboxed.length,
        unit: 'calls',
        peers: {
          'in page': calls.inpage.length,
          'lost sandboxed': lostCalls.sandboxed,
          'lost in page': lostCalls.inpage,
        },
      },
      failing(
        startupFailures.length,
        under(
          `activation of all ${builtinCount} built-ins at start-up (median of ${STARTUPS} fresh pages)`,
          fmt(percentile(startups, 50)),
          'ms',
          100,
          {
            'host.start() alone': fmt(percentile(hostStarts, 50)),
            // Fetched side by side from the start of the plugins' set-up, before host.start().
            "fetching every built-in's entry code": fmt(percentile(preloads, 50)),
          },
        ),
      ),
      under(
        `activation of one plugin, sandboxed (median of ${ACTIVATIONS})`,
        p(activations.sandboxed, 50),
        'ms',
        100,
        { 'in page': p(activations.inpage, 50) },
      ),
      {
        metric: `activation of one plugin, in the page (median of ${ACTIVATIONS})`,
        value: p(activations.inpage, 50),
        unit: 'ms',
      },
      failing(
        lostPaints.sandboxed,
        under(
          `first paint of a sandboxed plugin's webview view (median of ${PAINTS})`,
          p(paints.sandboxed, 50),
          'ms',
          200,
          { 'in-page plugin': p(paints.inpage, 50) },
        ),
      ),
      failing(
        lostPaints.sandboxed,
        under(
          `first paint of a sandboxed plugin's webview view (worst of ${PAINTS})`,
          p(paints.sandboxed, 100),
          'ms',
          200,
          { 'in-page plugin': p(paints.inpage, 100) },
        ),
      ),
      {
        metric: `first paint of an in-page plugin's webview view (median of ${PAINTS})`,
        value: p(paints.inpage, 50),
        unit: 'ms',
        ...(lostPaints.inpage ? { peers: { lost: lostPaints.inpage } } : {}),
      },
    );
    // Where the start-up time goes: each built-in activated after host.start(), median.
    for (const [id, times] of [...perPlugin].sort()) {
      figures.push({
        metric: `  of which activating ${id} after start-up (median of ${times.length})`,
        value: fmt(percentile(times, 50)),
        unit: 'ms',
      });
    }
    if (startupFailures.length) environment.startupFailures = startupFailures.join('; ');
  } finally {
    await browser.close();
    await stage.close();
    await web.dispose();
    await plugins.dispose();
  }
  environment.loadavgAfter = readFileSync('/proc/loadavg', 'utf8').trim();
  return {
    name: 'plugins',
    description:
      'The plugin platform in the real app in Chromium: API round trip, activation and webview first paint, sandboxed vs in the page.',
    environment,
    figures,
  };
}
