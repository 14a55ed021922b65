import type { JsonValue, PluginContext } from '@repertoire/plugin-api';
import { given } from './ask.ts';
import { meetingsCalendar } from './calendar.ts';
import { shortDate } from './dates.ts';
import { COMMUNITY_ID } from './yearPlan.ts';

/** The community's meetings as the ICS file the export saves and the feed serves. */
export async function communityCalendar(
  context: PluginContext,
): Promise<{ ics: string; count: number }> {
  const { graph, workspace } = context;
  const meetings = await graph.entities({ kind: 'meeting' });
  const community = await graph.getEntity(COMMUNITY_ID);
  const ics = meetingsCalendar(meetings, {
    name: community?.title ?? 'Meetings',
    workspaceId: workspace.id,
    meetingTime: community?.fields.meetingTime,
    durationMinutes: community?.fields.durationMinutes,
  });
  return { ics, count: meetings.length };
}

/** Export as `.ics`, and the calendar feed links (make, revoke). */
export function registerCalendarCommands(context: PluginContext): void {
  const { commands, window, files, calendarFeeds, subscriptions } = context;
  subscriptions.push(
    commands.registerCommand('planning.exportCalendar', async () => {
      const { ics, count } = await communityCalendar(context);
      if (count === 0) {
        void window.showNotification(
          'There are no meetings to export yet: schedule some first (“Schedule meetings from the cadence”).',
          { severity: 'warning' },
        );
        return undefined;
      }
      await files.saveFile('meetings.ics', ics, 'text/calendar');
      void window.showNotification(
        `Saved meetings.ics with ${count} meeting${count === 1 ? '' : 's'}: open it with your calendar app to add them. For a calendar that follows every change, use “Get a calendar feed link”.`,
      );
      return count;
    }),

    commands.registerCommand('planning.subscribeCalendar', async () => {
      const feed = await calendarFeeds.create();
      // The input box shows the link selected and ready to copy; the answer is not used.
      await window.showInputBox({
        title: `Your calendar link (works until ${shortDate(feed.expiresAt.slice(0, 10))}): copy it into your calendar app’s “Subscribe by URL”. Keep it to yourself: whoever has it sees the meetings. Revoke it with “Revoke a calendar feed link”.`,
        value: feed.url ?? '',
      });
      return { id: feed.id, url: feed.url ?? null, expiresAt: feed.expiresAt };
    }),

    commands.registerCommand('planning.revokeCalendar', async (id?: JsonValue) => {
      let feedId = given(id);
      if (!feedId) {
        const feeds = await calendarFeeds.list();
        if (feeds.length === 0) {
          void window.showNotification('You have no calendar links to revoke.');
          return false;
        }
        const picked = await window.showQuickPick(
          feeds.map((f) => ({
            label: `Link made on ${shortDate(f.createdAt.slice(0, 10))}`,
            description: `works until ${shortDate(f.expiresAt.slice(0, 10))}`,
            value: f.id,
          })),
          { title: 'Which calendar link should stop working?' },
        );
        feedId = picked?.value;
      }
      if (!feedId) return false;
      await calendarFeeds.revoke(feedId);
      void window.showNotification(
        'The calendar link is revoked: calendar apps using it get no more meetings.',
      );
      return true;
    }),
  );
}
