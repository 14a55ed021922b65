import type { Core, ElementDefinition } from 'cytoscape';
import { DERIVED } from './folding.ts';
import type { Disposable } from './graphSource.ts';

/**
 * The member-to-member network the People mode draws, as a community analysis computed it (the
 * insight plugin's ties, Louvain communities and brokers): plain data, so any plugin can give one.
 */
export interface PeopleNetwork {
  /** The kind of the people (`member`); every other kind is hidden while it is shown. */
  readonly kind: string;
  /** Weighted ties, one per pair. */
  readonly ties: readonly { a: string; b: string; weight: number }[];
  /** The communities, each named, with its members. */
  readonly communities: readonly { name: string; members: readonly string[] }[];
  /** The brokers, ranked, with their figure and why they are one. */
  readonly brokers: readonly { memberId: string; betweenness: number; explanation: string }[];
}

/** The class of the People mode's ties (also `derived`: they are not relations). */
export const PEOPLE_TIE = 'people-tie';
/** The drawn type of a tie, for the filters. */
export const TIE_TYPE = 'works with';

/** Colours told apart in both themes and by most colour-blind readers (Tableau 10). */
export const COMMUNITY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#bab0ac',
] as const;

/** The colour of the `index`th community (the palette repeats past ten). */
export const communityColour = (index: number): string =>
  COMMUNITY_COLOURS[index % COMMUNITY_COLOURS.length] as string;

/**
 * Draws a people network over the graph: a tie edge per pair (thicker the stronger), each person
 * coloured by community and brokers marked. Nothing in the source changes; dispose to undo.
 */
export function drawPeople(cy: Core, people: PeopleNetwork): Disposable {
  const coloured: string[] = [];
  cy.batch(() => {
    const fresh: ElementDefinition[] = [];
    for (const { a, b, weight } of people.ties) {
      if (cy.getElementById(a).empty() || cy.getElementById(b).empty()) continue;
      fresh.push({
        group: 'edges',
        data: {
          id: `people:${a}|${b}`,
          source: a,
          target: b,
          type: TIE_TYPE,
          weight,
          derived: true,
        },
        classes: `${DERIVED} ${PEOPLE_TIE}`,
      });
    }
    cy.add(fresh);
    people.communities.forEach((c, i) => {
      for (const id of c.members) {
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        n.data('communityColour', communityColour(i));
        coloured.push(id);
      }
    });
    for (const b of people.brokers) cy.getElementById(b.memberId).addClass('broker');
  });
  return {
    dispose() {
      cy.batch(() => {
        cy.edges(`.${PEOPLE_TIE}`).remove();
        for (const id of coloured) cy.getElementById(id).removeData('communityColour');
        cy.nodes('.broker').removeClass('broker');
      });
    },
  };
}
