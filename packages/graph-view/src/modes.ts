import type { GraphView } from './graphView.ts';
import type { PeopleNetwork } from './people.ts';

/**
 * A way of looking at the community's graph, chosen in the explorer's View menu: what is shown
 * and how (a fold, filters). Modes are data plus one function, so a plugin or another package
 * adds one without touching the explorer.
 */
export interface GraphMode {
  /** Stable id, e.g. `meetings-folded`. */
  readonly id: string;
  /** Its name in the View menu, in the community's words. */
  readonly label: string;
  /** One sentence on what the member sees, for the menu's tooltip. */
  readonly description: string;
  /**
   * Sets the view up for this mode, at the day the time bar shows (`YYYY-MM-DD`, null for now).
   * The explorer leaves the previous mode first.
   */
  enter(view: GraphView, date?: string | null): void;
  /** Undoes {@link GraphMode.enter} (default: nothing to undo). */
  leave?(view: GraphView): void;
  /** The time bar moved to another day (null: now) while this mode is shown. */
  dateChanged?(view: GraphView, date: string | null): void;
}

/**
 * Meetings folded into who met whom (the default): a community meets often, and 20 meetings ×
 * 6 attendees drawn as entities bury everything else under triangles. Each pair of members who
 * shared meetings gets one line, thicker the more they shared.
 */
export const MEETINGS_FOLDED: GraphMode = {
  id: 'meetings-folded',
  label: 'Meetings folded',
  description:
    'Meetings drawn as who met whom: one line between two members, thicker the more meetings they shared',
  enter: (view) => view.setFold({ kind: 'meeting', between: 'member', type: 'met' }),
  leave: (view) => view.setFold(null),
};

/** Every entity and relation as it is, meetings included. */
export const EVERY_ENTITY: GraphMode = {
  id: 'every-entity',
  label: 'Every entity',
  description: 'Every entity and relation, meetings included',
  enter: () => {},
};

/** The explorer's modes when it is given none; the first is where it opens. */
export const DEFAULT_GRAPH_MODES: readonly GraphMode[] = [MEETINGS_FOLDED, EVERY_ENTITY];

/** How long the People mode waits for the time bar to rest before it asks for that day's network. */
const PEOPLE_DATE_SETTLE_MS = 150;

/**
 * The People mode: the member-to-member network a community analysis computed (`load`, e.g. the
 * insight plugin's ties, Louvain communities and brokers), instead of the meeting hairball —
 * members only, joined by weighted ties, coloured by community, brokers ringed. Members show at
 * once; the ties follow when `load` answers (a failure goes to `onError`, members stay shown).
 * `load` is asked for the network as it was at the end of the time bar's day (ISO 8601, or
 * nothing for now), again each time the bar comes to rest on another day.
 */
export function peopleMode(
  load: (at?: string) => Promise<PeopleNetwork>,
  onError?: (error: Error) => void,
  kind = 'member',
): GraphMode {
  let ticket = 0;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const show = (view: GraphView, date: string | null | undefined, fit: boolean) => {
    const mine = ++ticket;
    load(date ? `${date}T23:59:59Z` : undefined).then(
      (people) => {
        if (mine !== ticket || view.cy.destroyed()) return;
        view.setPeople(people);
        if (fit) view.fit();
      },
      (error: Error) => {
        if (mine === ticket) onError?.(error);
      },
    );
  };
  return {
    id: 'people',
    label: 'People',
    description:
      'Who works with whom: members joined by how much they meet, write, mentor and mention each other, coloured by community',
    enter(view, date) {
      view.setPeople({ kind, ties: [], communities: [], brokers: [] });
      show(view, date, true);
    },
    dateChanged(view, date) {
      // ▶ replays the year a day at a time: ask once the bar rests, not for every day it passes.
      clearTimeout(settle);
      settle = setTimeout(() => show(view, date, false), PEOPLE_DATE_SETTLE_MS);
    },
    leave(view) {
      clearTimeout(settle);
      ticket++;
      view.setPeople(null);
    },
  };
}
