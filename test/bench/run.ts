// `pnpm bench`: runs every benchmark (test/bench/*.bench.ts) in its own Node process, so one
// benchmark's heap never colours another's, writes each report to test/bench/results/<name>.json
// and prints every figure beside its goal and its peers. Not part of the pass/fail test run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../src/bench.ts';

const here = import.meta.dirname;
const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const format = (n: number | null) =>
  n === null || Number.isNaN(n) ? 'n/a' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
let failed = 0;
for (const file of files) {
  const out = join(resultsDir, file.replace('.bench.ts', '.json'));
  console.log(`\n▶ ${file}`);
  try {
    execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', join(here, 'harness.ts'), join(here, file), out],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    failed++;
    console.error(`✗ ${file} failed`);
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  for (const f of report.figures) {
    const peers = f.peers
      ? `  [${Object.entries(f.peers)
          .map(([k, v]) => `${k}: ${format(v)}`)
          .join(', ')}]`
      : '';
    const goal = f.goal ? `  goal ${f.goal} ${f.met ? '✓' : '✗'}` : '';
    console.log(
      `  ${f.metric.padEnd(56)} ${format(f.value).padStart(10)} ${f.unit}${goal}${peers}`,
    );
  }
}
writeFileSync(
  join(resultsDir, 'index.json'),
  `${JSON.stringify({ ranAt: new Date().toISOString(), files }, null, 2)}\n`,
);
if (failed > 0) process.exit(1);
