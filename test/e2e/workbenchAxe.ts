// axe-core run inside the page through playwright-core: what the workbench e2e test uses to keep
// the main screens free of serious and critical accessibility findings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One finding: the rule, how bad, what to fix and where. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, plus best practices) on the page as it is and returns
 * the serious and critical findings, one line each, so a failing assertion says what to fix.
 */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through DevTools rather than added as a <script>: the app's Content-Security-Policy
  // (rightly) refuses inline scripts, and axe's `var axe` lands on the page's global scope.
  if (!loaded) await page.evaluate(`${readFileSync(AXE_SOURCE, 'utf8')}\n;window.axe = axe;`);
  const findings = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  });
  return (findings as AxeFinding[])
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`);
}
