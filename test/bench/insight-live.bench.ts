// The Community page's live update over the real server (`repertoire serve --sample`, the web
// app built by Vite) in two real Chromium pages: a second member records an attendance through
// the command palette, and the time from their Esc (which commits it) to the facilitator's
// dashboard showing it (the mark in the attendance grid, after the Worker recomputed the whole
// report) is measured on the browser's one clock. Repeated over distinct attendances; a lost or
// timed-out update counts as a failure.
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { attendanceMark, joinedMember, recordAttendance, whenShown } from '../e2e/communityLive.ts';
import { openPage } from '../e2e/palette.ts';
import { signedIn } from '../e2e/signedIn.ts';
import { startWorkbenchStage } from '../e2e/workbenchStage.ts';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { launchChromium } from '../src/chromium.ts';

const WARM_UP = 2;
const SAMPLES = 24;

/** Attendances the sample community lacks: Daniel Kim after July, Aroha Williams at most meetings. */
const ABSENCES: [member: string, meeting: number][] = [
  ...Array.from({ length: 11 }, (_, i) => ['Daniel Kim', 11 + i] as [string, number]),
  ...Array.from({ length: 21 }, (_, i) => ['Aroha Williams', 1 + i] as [string, number]),
];

/** The Community page; `ready` is the facilitator's attendance grid, or any member's header. */
const openCommunity = (page: Page, url: string, ready = '.rp-insight-grid') =>
  openPage(page, url, 'Open Community', ready);

export default async function run(): Promise<BenchReport> {
  const stage = await startWorkbenchStage({ sample: true });
  const browser = await launchChromium();
  try {
    const facilitator = await (await signedIn(browser, stage.url)).newPage();
    await openCommunity(facilitator, stage.url);
    const member = await joinedMember(browser, stage.url, {
      email: 'bench@example.org',
      password: 'a long secret',
      name: 'Bench',
    });
    const other = await member.newPage();
    await openCommunity(other, stage.url, '.rp-insight-head');

    const latencies: number[] = [];
    const sync: number[] = [];
    const reading: number[] = [];
    const recompute: number[] = [];
    const render: number[] = [];
    let failures = 0;
    let attempted = 0;
    for (const [name, number] of ABSENCES) {
      if (attempted === WARM_UP + SAMPLES) break;
      const meeting = `Committee meeting ${number}`;
      const mark = attendanceMark(name, meeting);
      // Only attendances not yet recorded make a change to wait for.
      if ((await facilitator.locator(mark).count()) > 0) continue;
      attempted++;
      await facilitator.evaluate(() => performance.clearMarks());
      const shown = whenShown(facilitator, mark, 5_000);
      const recordedAt = await recordAttendance(other, meeting, name).catch(() => Number.NaN);
      const seenAt = await shown;
      const ms = seenAt - recordedAt;
      if (attempted <= WARM_UP) continue;
      if (!(Number.isFinite(ms) && ms >= 0)) {
        failures++;
        continue;
      }
      latencies.push(ms);
      // Where the time went, from the page's marks: the first change received, the last report.
      const [changed, read, ready] = await facilitator.evaluate(() => {
        const at = (name: string) =>
          performance.getEntriesByName(name).map((e) => performance.timeOrigin + e.startTime);
        return [
          Math.min(...at('insight.graphChanged')),
          Math.max(...at('insight.dataRead')),
          Math.max(...at('insight.reportReady')),
        ];
      });
      if ([changed, read, ready].every(Number.isFinite) && ready <= seenAt) {
        sync.push(changed - recordedAt);
        reading.push(read - changed);
        recompute.push(ready - read);
        render.push(seenAt - ready);
      }
    }
    const measured = attempted - WARM_UP;
    const figures: BenchFigure[] = [
      under(
        `attendance in another browser → dashboard updated (p50 of ${latencies.length})`,
        percentile(latencies, 50),
        'ms',
        100,
        {
          p95: percentile(latencies, 95),
          max: Math.max(...latencies),
          'sync (Esc → change in the first page), p50': percentile(sync, 50),
          'read (change, 8 ms settle, graph and settings read), p50': percentile(reading, 50),
          'recompute in the Worker (read → report), p50': percentile(recompute, 50),
          'render (report → shown), p50': percentile(render, 50),
        },
      ),
      under('attendance → dashboard updated (p95)', percentile(latencies, 95), 'ms', 100),
      {
        metric: 'live updates lost or timed out (5 s)',
        value: failures,
        unit: `of ${measured}`,
        goal: '= 0',
        met: failures === 0 && measured >= 20,
      },
    ];
    return {
      name: 'insight-live',
      description:
        'The Community page updated live: an attendance recorded in a second Chromium page (command palette) until the first shows it, over the real server',
      environment: {
        samples: String(measured),
        // The machine is shared: a load far above its cores slows every figure alike.
        loadAverage: loadavg()[0]?.toFixed(1) ?? 'n/a',
      },
      figures,
    };
  } finally {
    await browser.close();
    await stage.close();
  }
}
