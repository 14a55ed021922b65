// The five life phases of a community of practice, after Wenger, McDermott & Snyder, Cultivating
// Communities of Practice (2002), chapter 4. The summaries, tensions and strategy questions are our
// own words, written from the book's account of what each phase asks of a community.

/** A life phase, in the order communities usually pass through them. */
export type Phase = 'potential' | 'coalescing' | 'maturing' | 'stewardship' | 'transformation';

/** Every phase, in order. */
export const PHASES: readonly Phase[] = [
  'potential',
  'coalescing',
  'maturing',
  'stewardship',
  'transformation',
];

/** What the product says about one phase. */
export interface PhaseGuide {
  readonly phase: Phase;
  /** How the phase is named in the UI. */
  readonly label: string;
  /** One sentence: what the community is like in this phase. */
  readonly summary: string;
  /** The tension the phase is about (the two pulls the book names). */
  readonly tension: string;
  /** Questions a facilitator can bring to the community. */
  readonly questions: readonly string[];
}

/** The guide to each phase, by phase. */
export const PHASE_GUIDES: Readonly<Record<Phase, PhaseGuide>> = {
  potential: {
    phase: 'potential',
    label: 'Potential',
    summary:
      'People with a shared concern are finding each other and discovering what they could learn together.',
    tension: 'Discovering what members already share, and imagining what they could do together.',
    questions: [
      'What problem of practice do we each meet in our own work, and which of them do we share?',
      'Who else faces this problem and would gain from meeting us?',
      'What would make the first meetings worth an hour of a busy teacher’s week?',
      'Who can give the community time and a little coordination to get started?',
    ],
  },
  coalescing: {
    phase: 'coalescing',
    label: 'Coalescing',
    summary:
      'The community meets regularly, builds trust and starts to share what works; members test whether it is worth their time.',
    tension:
      'Giving relationships and trust time to grow, while showing value soon enough that members keep coming.',
    questions: [
      'What small, useful thing can we share or make in the next few meetings?',
      'Does every member have a reason to come back: a question of theirs that we take up?',
      'Which stories of practice have we told, and which have we written down?',
      'Is there a safe space to talk about what did not work?',
    ],
  },
  maturing: {
    phase: 'maturing',
    label: 'Maturing',
    summary:
      'The community knows its domain, its repertoire grows quickly and new members arrive; it must decide what it is about.',
    tension:
      'Keeping a clear focus on the domain, while opening up to new members, topics and ways of working.',
    questions: [
      'Which problems of practice are at the heart of our domain, and which are side roads?',
      'How do newcomers find their way in: who welcomes them and what do they read first?',
      'Where are the gaps in our repertoire: problems without practices, practices without artifacts?',
      'Who besides the coordinator leads parts of the work?',
    ],
  },
  stewardship: {
    phase: 'stewardship',
    label: 'Stewardship',
    summary:
      'The community is established and known for its practice; it keeps its knowledge alive and relevant.',
    tension:
      'Owning its practice and keeping it sound, while staying open to new ideas, people and criticism.',
    questions: [
      'Which of our guidelines and tools are out of date, and who will renew them?',
      'What new questions do our members bring that our repertoire does not answer yet?',
      'How do we pass on leadership, so the community does not depend on a few people?',
      'Who outside the community should hear what we have learned?',
    ],
  },
  transformation: {
    phase: 'transformation',
    label: 'Transformation',
    summary:
      'Interest is fading or the domain has changed: the community ends, splits, merges or reinvents itself.',
    tension:
      'Letting go of what no longer draws members, while making sure what the community learned lives on.',
    questions: [
      'Is our shared concern still alive for us, or has it moved somewhere else?',
      'Would a new focus, a merger with another community or a pause serve members best?',
      'Which practices and artifacts must stay findable for those who come after us?',
      'How will we mark and celebrate what this community achieved?',
    ],
  },
};

/** Whether a value is one of the five phases. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}
