import ical, { ICalCalendarMethod } from 'ical-generator';
import { dayOf } from './dates.ts';

/** What a calendar needs to know of one meeting (an entity's plain data, from any reader). */
export interface CalendarMeeting {
  readonly id: string;
  readonly title: string;
  readonly fields: { readonly [name: string]: unknown };
}

/** What the calendar is for. */
export interface CalendarOptions {
  /** The community's name, the calendar's name in members' apps. */
  readonly name: string;
  /** The workspace id: with the meeting id, each event's stable UID. */
  readonly workspaceId: string;
  /** `HH:MM`, the community's usual meeting time; all-day events when absent or unreadable. */
  readonly meetingTime?: unknown;
  /** Usual length in minutes, when a meeting does not say. */
  readonly durationMinutes?: unknown;
  /** Where a meeting's page is, for the event's link: `(id) => url`. */
  readonly linkOf?: (meetingId: string) => string | undefined;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The community's meetings as an iCalendar file (RFC 5545), written by ical-generator. Meetings
 * at a known time are floating local times (no time zone, as the community's own clock reads
 * them, so a daylight-saving change never moves them); otherwise they are all-day events. Each
 * event's UID is `<meeting>@<workspace>.repertoire`, so a calendar app updates an event when the
 * meeting changes instead of adding a second one. Meetings without a readable date are left out.
 */
export function meetingsCalendar(
  meetings: readonly CalendarMeeting[],
  options: CalendarOptions,
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Repertoire', product: 'Year plan', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const time = typeof options.meetingTime === 'string' ? TIME.exec(options.meetingTime) : null;
  const usual = positive(options.durationMinutes) ?? 60;
  const sorted = [...meetings].sort((a, b) =>
    String(a.fields.date ?? '').localeCompare(String(b.fields.date ?? '')),
  );
  for (const meeting of sorted) {
    const day = dayOf(meeting.fields.date);
    if (!day) continue;
    const minutes = positive(meeting.fields.durationMinutes) ?? usual;
    const description = typeof meeting.fields.agenda === 'string' ? meeting.fields.agenda : '';
    const url = options.linkOf?.(meeting.id);
    const common = {
      id: `${meeting.id}@${options.workspaceId}.repertoire`,
      summary: meeting.title,
      ...(description ? { description } : {}),
      ...(url ? { url } : {}),
    };
    if (time) {
      // The wall-clock time written as if it were UTC, then marked floating: ical-generator then
      // prints exactly these digits, with no zone and no Z.
      const start = new Date(`${day}T${time[1]}:${time[2]}:00Z`);
      calendar.createEvent({
        ...common,
        start,
        end: new Date(start.getTime() + minutes * 60_000),
        floating: true,
      });
    } else {
      calendar.createEvent({ ...common, start: new Date(`${day}T00:00:00Z`), allDay: true });
    }
  }
  return calendar.toString();
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
