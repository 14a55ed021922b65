// Runs one benchmark module in this process and writes its report as JSON.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BenchReport } from '../src/bench.ts';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: harness.ts <bench file> <result json>');
const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<BenchReport> };
const report = await mod.default();
report.environment = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ranAt: new Date().toISOString(),
  ...report.environment,
};
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.exit(0);
