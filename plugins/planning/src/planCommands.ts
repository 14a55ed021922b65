import {
  type JsonObject,
  type JsonValue,
  type PluginContext,
  pickEntity,
} from '@repertoire/plugin-api';
import {
  askDate,
  askText,
  given,
  givenDate,
  mayPlan,
  NOT_A_STEWARD,
  PlanInputError,
} from './ask.ts';
import { readableMonth, shortDate } from './dates.ts';
import { COMMUNITY_ID } from './yearPlan.ts';

/**
 * The year plan's editing commands: describe the community, add terms and holidays, set a
 * month's focus. Each says what it did and opens what it made; each refuses, changing nothing,
 * a member who may not plan and input it cannot use.
 */
export function registerPlanCommands(context: PluginContext): void {
  const { commands, graph, window, settings, subscriptions } = context;

  /** Refuses with the reason (shown when interactive) unless the member may plan. */
  const guard = async (interactive: boolean) => {
    if (await mayPlan(context)) return true;
    if (interactive) void window.showNotification(NOT_A_STEWARD, { severity: 'warning' });
    else throw new PlanInputError(NOT_A_STEWARD);
    return false;
  };
  const done = async (message: string, id: string | undefined, interactive: boolean) => {
    void window.showNotification(message);
    if (id && interactive) await window.openEntity(id);
  };

  /** What a term or month may focus on, as the `focuses-on` relation kind allows. */
  const FOCUS_KINDS = [
    { label: 'A problem of practice', value: 'problem' },
    { label: 'An inquiry cycle', value: 'sample.inquiry-cycle/inquiry' },
    { label: 'A practice', value: 'practice' },
    { label: 'A domain', value: 'domain' },
  ];

  subscriptions.push(
    commands.registerCommand(
      'planning.linkFocus',
      async (period?: JsonValue, target?: JsonValue) => {
        const interactive = given(period) === undefined;
        if (!(await guard(interactive))) return false;
        let from = given(period);
        if (!from) {
          const periods = [
            ...(await graph.entities({ kind: 'term' })),
            ...(await graph.entities({ kind: 'month' })),
          ];
          if (periods.length === 0) {
            void window.showNotification(
              'There is no term or month in the plan yet: add a term first (“Year plan: Add a term”).',
              { severity: 'warning' },
            );
            return false;
          }
          from = (
            await window.showQuickPick(
              periods.map((p) => ({ label: p.title, value: p.id })),
              { title: 'Which term or month?' },
            )
          )?.value;
        }
        if (!from) return false;
        let to = given(target);
        if (!to) {
          const kind = await window.showQuickPick(FOCUS_KINDS, { title: 'What does it focus on?' });
          if (!kind?.value) return false;
          to = await pickEntity(context, { kind: kind.value });
        }
        if (!to) return false;
        const [planned, focus] = await Promise.all([graph.getEntity(from), graph.getEntity(to)]);
        if (!planned || (planned.kind !== 'term' && planned.kind !== 'month'))
          throw new PlanInputError(
            `“${from}” is not a term or month of the plan; nothing was linked.`,
          );
        if (!focus)
          throw new PlanInputError(`There is no “${to}” to focus on; nothing was linked.`);
        await graph.transact((tx) => tx.link(planned.id, 'focuses-on', focus.id));
        await done(`${planned.title} focuses on “${focus.title}”.`, planned.id, interactive);
        return true;
      },
    ),

    commands.registerCommand(
      'planning.describeCommunity',
      async (name?: JsonValue, fields?: JsonValue) => {
        const interactive = given(name) === undefined;
        if (!(await guard(interactive))) return undefined;
        const existing = await graph.getEntity(COMMUNITY_ID);
        const patch: JsonObject =
          fields && typeof fields === 'object' && !Array.isArray(fields) ? fields : {};
        if (existing && interactive) {
          await done(
            `${existing.title}’s page is open: its purpose, vision, goals, meeting day, time and agenda template are its fields.`,
            existing.id,
            true,
          );
          return existing.id;
        }
        const title = interactive
          ? await askText(window, 'What is the community called?', {
              placeholder: 'e.g. E-learning committee',
            })
          : given(name);
        if (!title) return undefined;
        const purpose = interactive
          ? await askText(
              window,
              `Why does ${title} exist? (its purpose; you can change it later)`,
              {
                optional: true,
              },
            )
          : undefined;
        if (purpose === undefined && interactive) return undefined;
        const cadence = String((await settings.get('meetings.cadence')) ?? 'fortnightly');
        await graph.transact((tx) => {
          if (existing) tx.updateEntity(COMMUNITY_ID, { title, fields: patch });
          else
            tx.createEntity({
              id: COMMUNITY_ID,
              kind: 'community',
              title,
              fields: {
                cadence: ['weekly', 'fortnightly', 'monthly'].includes(cadence)
                  ? cadence
                  : 'fortnightly',
                ...(purpose ? { purpose } : {}),
                ...patch,
              },
            });
        });
        await done(
          existing
            ? `Updated ${title}.`
            : `Described ${title}. Its page is open: add its vision and goals, the day and time it meets, and the agenda each meeting starts from.`,
          COMMUNITY_ID,
          interactive,
        );
        return COMMUNITY_ID;
      },
    ),

    commands.registerCommand(
      'planning.addTerm',
      async (name?: JsonValue, start?: JsonValue, end?: JsonValue, focus?: JsonValue) => {
        const interactive = given(name) === undefined;
        if (!(await guard(interactive))) return undefined;
        const title = interactive
          ? await askText(window, 'Add a term: what is it called?', { placeholder: 'e.g. Term 1' })
          : given(name);
        if (!title) return undefined;
        const first = interactive
          ? await askDate(window, `First day of ${title}?`)
          : givenDate(start, 'First day');
        if (!first) {
          if (!interactive) throw new PlanInputError('First day: give the term’s first day.');
          return undefined;
        }
        const last = interactive
          ? await askDate(window, `Last day of ${title}?`, { notBefore: first })
          : givenDate(end, 'Last day');
        if (!last) {
          if (!interactive) throw new PlanInputError('Last day: give the term’s last day.');
          return undefined;
        }
        if (last < first)
          throw new PlanInputError(
            `${title} cannot end (${last}) before it starts (${first}); nothing was added.`,
          );
        const theFocus = interactive
          ? await askText(window, `What will ${title} focus on? (optional)`, {
              optional: true,
              placeholder: 'e.g. Feedback that moves learning forward',
            })
          : given(focus);
        if (theFocus === undefined && interactive) return undefined;
        const { created } = await graph.transact((tx) =>
          tx.createEntity({
            kind: 'term',
            title,
            fields: { start: first, end: last, ...(theFocus ? { focus: theFocus } : {}) },
          }),
        );
        const id = created[0];
        await done(
          `Added ${title}, ${shortDate(first)} to ${shortDate(last)}. Next: “Schedule meetings from the cadence”.`,
          id,
          interactive,
        );
        return id;
      },
    ),

    commands.registerCommand(
      'planning.addHoliday',
      async (name?: JsonValue, start?: JsonValue, end?: JsonValue) => {
        const interactive = given(name) === undefined;
        if (!(await guard(interactive))) return undefined;
        const title = interactive
          ? await askText(window, 'Add a holiday: what is it called?', {
              placeholder: 'e.g. Easter break',
            })
          : given(name);
        if (!title) return undefined;
        const first = interactive
          ? await askDate(window, `First day of ${title}?`)
          : givenDate(start, 'First day');
        if (!first) {
          if (!interactive) throw new PlanInputError('First day: give the holiday’s first day.');
          return undefined;
        }
        const last = interactive
          ? await askDate(window, `Last day of ${title}? (leave empty for one day)`, {
              optional: true,
              notBefore: first,
            })
          : givenDate(end, 'Last day');
        if (last === undefined && interactive) return undefined;
        if (last && last < first)
          throw new PlanInputError(
            `${title} cannot end (${last}) before it starts (${first}); nothing was added.`,
          );
        const { created } = await graph.transact((tx) =>
          tx.createEntity({
            kind: 'holiday',
            title,
            fields: { start: first, ...(last && last !== first ? { end: last } : {}) },
          }),
        );
        await done(
          `Added ${title} (${last && last !== first ? `${shortDate(first)} to ${shortDate(last)}` : shortDate(first)}): no meeting is scheduled then.`,
          created[0],
          interactive,
        );
        return created[0];
      },
    ),

    commands.registerCommand(
      'planning.setMonthFocus',
      async (month?: JsonValue, focus?: JsonValue) => {
        const interactive = given(month) === undefined;
        if (!(await guard(interactive))) return undefined;
        let which = interactive
          ? await askText(window, 'Which month? (YYYY-MM)', {
              value: new Date().toISOString().slice(0, 7),
            })
          : given(month);
        if (!which) return undefined;
        which = which.slice(0, 7);
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(which))
          throw new PlanInputError(`“${which}” is not a month: type it as YYYY-MM, e.g. 2026-03.`);
        const text = interactive
          ? await askText(window, `What will ${readableMonth(which)} focus on?`)
          : given(focus);
        if (!text) return undefined;
        const id = `month-${which}`;
        const existing = await graph.getEntity(id);
        await graph.transact((tx) => {
          if (existing) tx.updateEntity(id, { fields: { focus: text } });
          else
            tx.createEntity({
              id,
              kind: 'month',
              title: readableMonth(which),
              fields: { start: `${which}-01`, focus: text },
            });
        });
        await done(`${readableMonth(which)} focuses on “${text}”.`, id, interactive);
        return id;
      },
    ),
  );
}
