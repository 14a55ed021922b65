import { z } from 'zod';

/** The six elements of an effective community of practice, in the seed's order. */
export const HEALTH_ELEMENT_IDS = [
  'jointEnterprise',
  'mutualEngagement',
  'sharedRepertoire',
  'negotiationOfMeaning',
  'participation',
  'identity',
] as const;

/** One of {@link HEALTH_ELEMENT_IDS}. */
export type HealthElementId = (typeof HEALTH_ELEMENT_IDS)[number];

/** An element's name and its guided question. */
export interface HealthElement {
  readonly id: HealthElementId;
  readonly label: string;
  readonly question: string;
}

/**
 * Where the guided questions come from; the UI shows it beside them, so the community knows whose
 * words they are answering.
 */
export const HEALTH_QUESTIONS_SOURCE =
  '“Elements of Effective Communities of Practice”, from 21CSLA Regional Academy, Communities of Practice: Working Definitions and Frameworks (after Wenger, 1998; Wenger-Trayner & Wenger-Trayner, 2015).';

/** The six elements with the seed's guided questions, quoted as written. */
export const HEALTH_ELEMENTS: readonly HealthElement[] = [
  {
    id: 'jointEnterprise',
    label: 'Joint enterprise',
    question:
      'What is the practice of our Community of Practice and have we developed mutual accountability for participation?',
  },
  {
    id: 'mutualEngagement',
    label: 'Mutual engagement',
    question:
      'How are all participants in the Community of Practice engaged in the shared practices of the community?',
  },
  {
    id: 'sharedRepertoire',
    label: 'Shared repertoire',
    question:
      'How are we supporting our Community of Practice to develop its own shared repertoire of practices, tools and artifacts?',
  },
  {
    id: 'negotiationOfMeaning',
    label: 'Negotiation of meaning',
    question:
      'How are we providing opportunities for the Community of Practice to negotiate its own meaning of material presented?',
  },
  {
    id: 'participation',
    label: 'Participation',
    question:
      'How are we looking at how members of the community participate (can participate)? Are we arranging for shifting participation over time? What is the difference between collaboration, engagement and participation?',
  },
  {
    id: 'identity',
    label: 'Identity (positionality)',
    question:
      'How are we centering the formation of identity as a part of the community’s learning?',
  },
];

/** The answer scale: 1 (not at all) to 5 (very much). */
export const HEALTH_SCALE = { min: 1, max: 5 } as const;

/** The fewest answers before anyone sees a round's aggregates, unless the round says more. */
export const HEALTH_DEFAULT_THRESHOLD = 3;

const ELEMENT_LIST = HEALTH_ELEMENT_IDS.join(', ');

// A key the object does not know is named in the error, with what would be accepted instead.
const unknownElements = (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `unknown element ${(issue.keys ?? []).map((k) => `'${k}'`).join(', ')}; the elements are ${ELEMENT_LIST}`
    : undefined;

const scoreSchema = z
  .int({
    error: (issue) =>
      issue.input === undefined
        ? 'is missing: every element needs a score'
        : `must be a whole number from ${HEALTH_SCALE.min} to ${HEALTH_SCALE.max}`,
  })
  .min(HEALTH_SCALE.min, `must be a whole number from ${HEALTH_SCALE.min} to ${HEALTH_SCALE.max}`)
  .max(HEALTH_SCALE.max, `must be a whole number from ${HEALTH_SCALE.min} to ${HEALTH_SCALE.max}`);

const commentSchema = z.string('must be text').trim().max(2000, 'must be at most 2000 characters');

const questionSchema = z
  .string('must be text')
  .trim()
  .min(1, 'must be 1 to 500 characters')
  .max(500, 'must be 1 to 500 characters');

const byElement = <T extends z.ZodType>(value: T) =>
  Object.fromEntries(HEALTH_ELEMENT_IDS.map((id) => [id, value])) as Record<HealthElementId, T>;

const partialByElement = <T extends z.ZodType>(value: T) =>
  Object.fromEntries(HEALTH_ELEMENT_IDS.map((id) => [id, value.optional()])) as Record<
    HealthElementId,
    z.ZodOptional<T>
  >;

/**
 * One member's answer to a round: a score on every element, optional comments, and whether the
 * comments may appear, without a name, beside the results. Who answers is never part of it: the
 * server stamps the signed-in member itself, so any `memberId` or `userId` is refused.
 */
export const healthAnswerInputSchema = z.strictObject(
  {
    scores: z.strictObject(byElement(scoreSchema), {
      error: (issue) =>
        unknownElements(issue) ??
        (issue.code === 'invalid_type' ? `must score every element: ${ELEMENT_LIST}` : undefined),
    }),
    comments: z
      .strictObject(partialByElement(commentSchema), { error: unknownElements })
      .optional(),
    shareComments: z.boolean('must be true or false').default(false),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${(issue.keys ?? []).join(', ')} cannot be sent: the server records who answers`
        : undefined,
  },
);

/** What {@link healthAnswerInputSchema} accepts. */
export type HealthAnswerInput = z.input<typeof healthAnswerInputSchema>;
/** A checked answer. */
export type HealthAnswer = z.output<typeof healthAnswerInputSchema>;

/**
 * A new round: its title, the questions when the community words them its own way (the seed's
 * otherwise), and how many must answer before aggregates show. At least 2: a single answer would
 * be the aggregate. With exactly 2, each of the two can work out the other's answer, which is why
 * the default is 3 and the page says so.
 */
export const healthRoundInputSchema = z.strictObject({
  title: z
    .string('must be 1 to 120 characters')
    .trim()
    .min(1, 'must be 1 to 120 characters')
    .max(120, 'must be 1 to 120 characters'),
  questions: z
    .strictObject(partialByElement(questionSchema), { error: unknownElements })
    .optional(),
  threshold: z
    .int('must be a whole number from 2 to 100')
    .min(2, 'must be a whole number from 2 to 100')
    .max(100, 'must be a whole number from 2 to 100')
    .default(HEALTH_DEFAULT_THRESHOLD),
});

/** What {@link healthRoundInputSchema} accepts. */
export type HealthRoundInput = z.input<typeof healthRoundInputSchema>;

/** The questions a round asks: the seed's, with the community's own wording where given. */
export function roundQuestions(
  own: Partial<Record<HealthElementId, string>> = {},
): Record<HealthElementId, string> {
  return Object.fromEntries(
    HEALTH_ELEMENTS.map((e) => [e.id, own[e.id]?.trim() || e.question]),
  ) as Record<HealthElementId, string>;
}

/** How the members who answered scored one element. */
export interface HealthElementResult {
  readonly id: HealthElementId;
  /** The mean score, to two decimals. */
  readonly mean: number;
  /** The median score. */
  readonly median: number;
  /** How many answered 1, 2, … 5 (index 0 is a score of 1). */
  readonly distribution: readonly number[];
}

/**
 * What anyone may see of a round: how many answered always, the aggregates only once at least
 * `threshold` members answered (otherwise `elements` and `comments` are null).
 */
export interface HealthResults {
  readonly responses: number;
  /** How many members were asked (frozen when the round closes). */
  readonly invited: number;
  /** responses / invited, 0 to 1. */
  readonly responseRate: number;
  readonly threshold: number;
  /** Whether the aggregates are shown (responses ≥ threshold). */
  readonly visible: boolean;
  readonly elements: readonly HealthElementResult[] | null;
  /** Comments members chose to share, without names, in alphabetical order, per element. */
  readonly comments: Partial<Record<HealthElementId, readonly string[]>> | null;
}

/** The caller's own answer to a round. */
export interface HealthOwnAnswer {
  readonly scores: Record<HealthElementId, number>;
  readonly comments: Partial<Record<HealthElementId, string>>;
  readonly shareComments: boolean;
  readonly updatedAt: string;
}

/** A round as one member sees it. */
export interface HealthRoundInfo {
  readonly id: string;
  readonly title: string;
  /** The questions this round asks (the seed's unless the community reworded them). */
  readonly questions: Record<HealthElementId, string>;
  /** Whether any question differs from the seed's. */
  readonly questionsEdited: boolean;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  /** The name of who opened it. */
  readonly openedBy: string;
  readonly closedAt: string | null;
  readonly results: HealthResults;
  /** The caller's own answer, or null; nobody else's is ever sent. */
  readonly myAnswer: HealthOwnAnswer | null;
}

/** Every round of a workspace, oldest first, and what the caller may do. */
export interface HealthCheckOverview {
  /** Owners, coordinators and facilitators open and close rounds. */
  readonly canOpen: boolean;
  /** Editors and owners answer; viewers only read the results. */
  readonly canAnswer: boolean;
  readonly rounds: readonly HealthRoundInfo[];
}
