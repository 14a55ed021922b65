import {
  argOrAsk,
  compareEntities,
  type EntityInfo,
  type JsonValue,
  type PluginContext,
  pickEntity,
  type TreeItem,
  type WindowApi,
} from '@repertoire/plugin-api';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

const CADENCE_DAYS: Record<string, number> = { weekly: 7, fortnightly: 14, monthly: 28 };

/** The next meeting's date: one cadence after the last meeting, or today when there is none. */
export function nextMeetingDate(
  meetings: readonly EntityInfo[],
  cadence: string,
  today: string,
): string {
  const last = meetings
    .map((m) => String(m.fields.date ?? ''))
    .filter(Boolean)
    .sort()
    .at(-1);
  if (!last) return today;
  const next = new Date(`${last.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + (CADENCE_DAYS[cadence] ?? 14));
  const date = next.toISOString().slice(0, 10);
  return date < today ? today : date;
}

/** Today in the member's own calendar, `YYYY-MM-DD` (not UTC's, which is tomorrow in Auckland). */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Asks for a meeting's title until one is typed; undefined when the member cancels. */
async function askTitle(window: WindowApi): Promise<string | undefined> {
  let title = 'Schedule a meeting';
  for (;;) {
    const answer = await window.showInputBox({ title, placeholder: 'e.g. Fortnightly session' });
    if (answer === undefined) return undefined;
    if (answer.trim()) return answer.trim();
    title = 'A meeting needs a title: type one, or press Escape to cancel';
  }
}

/** Asks for a meeting's date (the proposal filled in) until a real one is typed. */
async function askDate(
  window: WindowApi,
  meeting: string,
  proposed: string,
): Promise<string | undefined> {
  let title = `When is “${meeting}”? (YYYY-MM-DD; the next one by the community's cadence is filled in)`;
  let value = proposed;
  for (;;) {
    const answer = await window.showInputBox({ title, placeholder: 'YYYY-MM-DD', value });
    if (answer === undefined) return undefined;
    const date = answer.trim();
    if (isCalendarDate(date)) return date;
    title = `“${date}” is not a date: type it as YYYY-MM-DD, e.g. ${proposed}`;
    value = date;
  }
}

/** Whether `text` is a real day written `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** A date as people read it, e.g. "Tuesday 3 February 2026". */
function readableDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Activates the meetings plugin: scheduling, attendance, discussion links, notes. */
export function activate(context: PluginContext): void {
  const { commands, graph, window, views, documents, settings, subscriptions } = context;
  // What the member has open (the plugin starts with the workbench to see it): the meeting whose
  // notes "Open meeting notes" opens.
  let selected: readonly string[] = [];
  subscriptions.push(window.onDidChangeSelection(({ entityIds }) => (selected = entityIds)));
  const openMeeting = async () => {
    const id = selected[0];
    return id && (await graph.getEntity(id))?.kind === 'meeting' ? id : undefined;
  };

  /**
   * The date to propose and why: the year plan's next meeting day (in a term, outside the
   * holidays) when the planning plugin is on, else one cadence after the last meeting.
   */
  const proposeDate = async (): Promise<{ date: string; reason: string }> => {
    const today = localToday();
    const known = (await commands.getCommands()).some((c) => c.id === 'planning.nextMeetingDate');
    if (known) {
      const planned = await commands
        .executeCommand<{ date: string; reason: string } | null>('planning.nextMeetingDate', today)
        .catch(() => null);
      if (planned?.date) return planned;
    }
    const cadence = String(await settings.get('meetings.cadence'));
    const all = await graph.entities({ kind: 'meeting' });
    const date = nextMeetingDate(all, cadence, today);
    return {
      date,
      reason:
        all.length === 0
          ? 'today: there is no earlier meeting to count the cadence from'
          : `one ${cadence} cadence after the last meeting`,
    };
  };

  subscriptions.push(
    commands.registerCommand(
      'meetings.schedule',
      async (name?: JsonValue, date?: JsonValue, agenda?: JsonValue) => {
        // From the palette (no arguments) the member is asked for everything; called with
        // arguments (another plugin, a test) it does what it is told. Either way it says what it
        // made, and on which date and why, and opens it: a meeting never appears silently.
        const interactive = !(typeof name === 'string' && name.length > 0);
        const title = interactive ? await askTitle(window) : (name as string);
        if (title === undefined) return undefined;
        const duration = Number(await settings.get('meetings.durationMinutes'));
        const given = typeof date === 'string' ? date : undefined;
        if (given !== undefined && !isCalendarDate(given.slice(0, 10)))
          throw new Error(`“${given}” is not a date: give the meeting's date as YYYY-MM-DD.`);
        const proposed = given ? undefined : await proposeDate();
        const when =
          given ??
          (interactive
            ? await askDate(window, title, proposed?.date ?? localToday())
            : proposed?.date);
        if (when === undefined) return undefined;
        const { refs } = await graph.transact((tx) =>
          tx.createEntity({
            kind: 'meeting',
            title,
            // The meeting owns its notes: a co-edited document opened from the meeting.
            document: true,
            fields: {
              date: when,
              format: 'session',
              durationMinutes: duration,
              ...(typeof agenda === 'string' ? { agenda } : {}),
            },
          }),
        );
        const id = refs['new:1'];
        if (id) {
          const why =
            !interactive && proposed && when === proposed.date ? ` (${proposed.reason})` : '';
          void window.showNotification(
            `Scheduled “${title}” on ${readableDate(when.slice(0, 10))}${why}. Its page is open: add the agenda, then who attended.`,
          );
          await window.openEntity(id);
        }
        return id;
      },
    ),
    commands.registerCommand(
      'meetings.recordAttendance',
      async (meeting?: JsonValue, members?: JsonValue) => {
        const meetingId = await argOrAsk(meeting, () => pickEntity(context, { kind: 'meeting' }));
        if (!meetingId) return 0;
        let attendees: string[] = Array.isArray(members)
          ? members.filter((m): m is string => typeof m === 'string')
          : [];
        if (!Array.isArray(members)) {
          // From the palette: pick attendees one at a time until the user cancels.
          for (;;) {
            const next = await pickEntity(context, {
              kind: 'member',
              title: 'Who attended? (Esc when done)',
              exclude: attendees,
            });
            if (!next) break;
            attendees = [...attendees, next];
          }
        }
        await graph.transact((tx) => {
          for (const member of attendees) tx.link(member, 'attended', meetingId);
        });
        return attendees.length;
      },
    ),
    commands.registerCommand(
      'meetings.linkDiscussed',
      async (meeting?: JsonValue, topic?: JsonValue) => {
        const from = await argOrAsk(meeting, () => pickEntity(context, { kind: 'meeting' }));
        if (!from) return false;
        const to = await argOrAsk(topic, async () => {
          const kind = await window.showQuickPick(
            [
              { label: 'A problem of practice', value: 'problem' },
              { label: 'A practice', value: 'practice' },
            ],
            { title: 'What did the meeting discuss?' },
          );
          return kind?.value ? pickEntity(context, { kind: kind.value }) : undefined;
        });
        if (!to) return false;
        await graph.transact((tx) => tx.link(from, 'discussed', to));
        return true;
      },
    ),
    commands.registerCommand('meetings.openNotes', async (meeting?: JsonValue) => {
      // The meeting open in the workbench is the one meant; a list only when none is open.
      const id = await argOrAsk(
        meeting,
        async () => (await openMeeting()) ?? pickEntity(context, { kind: 'meeting' }),
      );
      if (!id) return false;
      const entity = await graph.getEntity(id);
      if (!entity?.document)
        await documents.create({ title: `Notes: ${entity?.title ?? id}`, ownerId: id });
      await documents.open(id);
      return true;
    }),
    views.registerViewProvider('meetings.calendar', {
      resolve: async () => ({
        type: 'tree',
        items: meetingsByMonth(await graph.entities({ kind: 'meeting' })),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
  );
}

/** Meetings grouped by month, newest first. */
export function meetingsByMonth(meetings: readonly EntityInfo[]): TreeItem[] {
  const months = new Map<string, EntityInfo[]>();
  for (const m of meetings) {
    const month = String(m.fields.date ?? '').slice(0, 7) || 'undated';
    months.set(month, [...(months.get(month) ?? []), m]);
  }
  return [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, list]) => ({
      id: `month:${month}`,
      label: month,
      children: list.sort(compareEntities).map((m) => ({
        id: m.id,
        label: m.title,
        description: String(m.fields.date ?? '').slice(0, 10),
        entityId: m.id,
        icon: 'calendar',
      })),
    }));
}
