// The sample community's two health-check rounds (seed 000's six elements), answered by its members
// as the year went: after the first term the committee knew why it met but had little of its own
// yet; by the third term the shared repertoire had grown (the guideline, the LMS comparison, the
// Digital Citizenship unit) while participation thinned as some members drifted. Answers are
// private, so the server loads these into its own store, never into the graph.

/** Scores in the seed's order: joint enterprise, mutual engagement, shared repertoire,
 * negotiation of meaning, participation, identity. */
type Scores = [number, number, number, number, number, number];

/** One sample member's answer to a round. */
export interface SampleHealthAnswer {
  /** The member's key (their entity is `sample-member-<key>`). */
  readonly member: string;
  readonly scores: Scores;
  /** Comments by element id. */
  readonly comments?: Readonly<Record<string, string>>;
  readonly shareComments?: boolean;
  /** When they answered (ISO date). */
  readonly at: string;
}

/** A closed sample round and its answers. */
export interface SampleHealthRound {
  readonly id: string;
  readonly title: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly threshold: number;
  /** How many members the round asked: those who had joined by then. */
  readonly invited: number;
  readonly answers: readonly SampleHealthAnswer[];
}

/** The element ids in the order of {@link Scores}. */
export const SAMPLE_HEALTH_ELEMENT_ORDER = [
  'jointEnterprise',
  'mutualEngagement',
  'sharedRepertoire',
  'negotiationOfMeaning',
  'participation',
  'identity',
] as const;

/** The two rounds, oldest first. */
export const SAMPLE_HEALTH_ROUNDS: readonly SampleHealthRound[] = [
  {
    id: 'hc_sample_term1',
    title: 'Term 1 check',
    openedAt: '2025-04-02T15:30:00.000Z',
    closedAt: '2025-04-16T09:00:00.000Z',
    threshold: 3,
    invited: 8,
    answers: [
      {
        member: 'lucia',
        scores: [4, 3, 2, 3, 3, 3],
        comments: { sharedRepertoire: 'We talk a lot, but we have written little down yet.' },
        shareComments: true,
        at: '2025-04-02T16:10:00.000Z',
      },
      { member: 'james', scores: [4, 4, 2, 2, 3, 3], at: '2025-04-03T08:05:00.000Z' },
      { member: 'mere', scores: [5, 3, 2, 3, 2, 3], at: '2025-04-07T12:40:00.000Z' },
      {
        member: 'priya',
        scores: [4, 3, 1, 2, 3, 2],
        comments: {
          negotiationOfMeaning:
            'Decisions about the LMS felt made before we discussed them; more time to disagree, please.',
        },
        shareComments: true,
        at: '2025-04-04T19:20:00.000Z',
      },
      { member: 'sarah', scores: [3, 3, 2, 3, 4, 3], at: '2025-04-08T07:55:00.000Z' },
      { member: 'daniel', scores: [4, 4, 3, 3, 4, 3], at: '2025-04-09T15:00:00.000Z' },
      {
        member: 'tom',
        scores: [3, 2, 2, 2, 2, 2],
        comments: { participation: 'As a new teacher I am not sure when it is my turn to speak.' },
        shareComments: true,
        at: '2025-04-14T18:30:00.000Z',
      },
    ],
  },
  {
    id: 'hc_sample_term3',
    title: 'Term 3 check',
    openedAt: '2025-09-24T15:30:00.000Z',
    closedAt: '2025-10-08T09:00:00.000Z',
    threshold: 3,
    invited: 9,
    answers: [
      { member: 'lucia', scores: [4, 4, 4, 4, 3, 4], at: '2025-09-24T16:00:00.000Z' },
      {
        member: 'james',
        scores: [4, 4, 5, 3, 3, 4],
        comments: {
          sharedRepertoire: 'The guideline and the LMS comparison are used by staff now.',
        },
        shareComments: true,
        at: '2025-09-25T07:45:00.000Z',
      },
      { member: 'mere', scores: [5, 3, 4, 4, 2, 4], at: '2025-09-29T12:15:00.000Z' },
      {
        member: 'priya',
        scores: [4, 4, 4, 4, 3, 4],
        comments: {
          negotiationOfMeaning:
            'The protocol for trying a practice before deciding made a difference.',
        },
        shareComments: true,
        at: '2025-09-26T20:05:00.000Z',
      },
      { member: 'sarah', scores: [4, 3, 4, 4, 3, 3], at: '2025-09-30T08:10:00.000Z' },
      {
        member: 'tom',
        scores: [4, 4, 4, 3, 3, 4],
        comments: {
          participation:
            'Co-writing the unit outline was when I felt part of this. Some faces we no longer see.',
        },
        shareComments: true,
        at: '2025-10-01T17:35:00.000Z',
      },
      { member: 'hannah', scores: [3, 3, 4, 3, 2, 3], at: '2025-10-03T10:20:00.000Z' },
      { member: 'aroha', scores: [3, 2, 3, 3, 1, 2], at: '2025-10-06T14:45:00.000Z' },
    ],
  },
];
