import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  EntityInfo,
  PluginContext,
} from '@repertoire/plugin-api';
import { localToday } from './dates.ts';
import { type PlanTerm, readYearPlan, termOf, type YearPlan } from './yearPlan.ts';

/** What the home page says of the plan: the term now (or next), and the next meetings. */
export interface PlanGlance {
  /** The term today falls in, else the next one, else the last one. */
  readonly term?: PlanTerm;
  readonly when: 'now' | 'next' | 'past' | 'none';
  /** Up to three meetings from today on, soonest first. */
  readonly nextMeetings: readonly { id: string; title: string; date: string }[];
}

/** The plan at a glance on `today` (YYYY-MM-DD). */
export function planAtAGlance(
  plan: YearPlan,
  meetings: readonly EntityInfo[],
  today: string,
): PlanGlance {
  const now = termOf(plan, today);
  const next = plan.terms.find((t) => t.start > today);
  const past = plan.terms.filter((t) => t.end < today).at(-1);
  const nextMeetings = meetings
    .map((m) => ({ id: m.id, title: m.title, date: String(m.fields.date ?? '').slice(0, 10) }))
    .filter((m) => m.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .slice(0, 3);
  const [term, when] = now
    ? [now, 'now' as const]
    : next
      ? [next, 'next' as const]
      : past
        ? [past, 'past' as const]
        : [undefined, 'none' as const];
  return { ...(term ? { term } : {}), when, nextMeetings };
}

const readable = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

const CSS = `
.rp-plan-home { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); padding: 14px 16px; margin: 14px 0; background: var(--rp-bg-elevated, var(--rp-bg)); max-width: 1100px; color: var(--rp-fg); font-size: 14px; }
.rp-plan-home h2 { margin: 0 0 8px; font-size: 16px; }
.rp-plan-home p { margin: 4px 0; }
.rp-plan-home ul { margin: 4px 0; padding-left: 20px; }
.rp-plan-home-muted { color: var(--rp-fg-muted); }
.rp-plan-home button:focus-visible { outline: 2px solid var(--rp-focus, var(--rp-accent)); outline-offset: 1px; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Draws the glance into `section` (replacing what was there). */
function render(section: HTMLElement, glance: PlanGlance, view: CustomViewContext): void {
  section.replaceChildren(el('h2', 'Year plan'));
  const { term, when } = glance;
  if (!term)
    section.append(
      el(
        'p',
        'No year plan yet: add the terms of the year (“Year plan: Add a term”), and the meetings schedule themselves from the cadence.',
        'rp-plan-home-muted',
      ),
    );
  else {
    const lead = { now: 'This term', next: 'Next term', past: 'Last term', none: '' }[when];
    const p = el('p');
    p.dataset.homeTerm = term.title;
    p.append(`${lead}: `, el('strong', term.title), ` (${term.start} to ${term.end})`);
    // A focus written as a sentence keeps its own full stop.
    p.append(term.focus ? `, focused on ${term.focus.replace(/[.\s]+$/, '')}.` : '.');
    section.append(p);
  }
  if (glance.nextMeetings.length === 0)
    section.append(
      el(
        'p',
        'No meeting planned from today: schedule the term’s meetings from the cadence.',
        'rp-plan-home-muted',
      ),
    );
  else {
    section.append(el('p', 'Next meetings:'));
    const list = el('ul');
    for (const m of glance.nextMeetings) list.append(el('li', `${readable(m.date)}: ${m.title}`));
    section.append(list);
  }
  const open = el('button', 'Open the timeline');
  open.type = 'button';
  open.onclick = () => view.openView('planning.timeline');
  const row = el('p');
  row.append(open);
  section.append(row);
}

/** The home page's section (`planning.home`): the term and the next meetings, kept current. */
export function mountPlanHome(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
): Disposable {
  const style = el('style', CSS);
  const section = el('section', undefined, 'rp-plan-home');
  section.setAttribute('aria-label', 'Year plan');
  section.dataset.section = 'plan-home';
  section.append(el('h2', 'Year plan'), el('p', 'Reading the plan…'));
  (element as HTMLElement).append(style, section);
  let disposed = false;
  const refresh = async () => {
    const entities = await context.graph.entities();
    if (disposed) return;
    render(
      section,
      planAtAGlance(
        readYearPlan(entities),
        entities.filter((e) => e.kind === 'meeting'),
        localToday(),
      ),
      view,
    );
  };
  void refresh();
  // An import or a scheduled term is many changes: draw once they settle.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changes = context.graph.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  });
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      changes.dispose();
      style.remove();
      section.remove();
    },
  };
}
