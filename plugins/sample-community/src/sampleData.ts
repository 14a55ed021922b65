// The sample community, as data. Drawn from seed 004 (a teacher's reflection on her school's
// e-learning committee: "We meet fortnightly for an hour and discuss different projects related to
// the progression of e-learning in the school, from the need for a school app, a new LMS to
// teachers PD… rolling out Google Team Drive, implementing a school app, setting and delivering the
// Digital Citizenship programme") and the CoP frameworks of seeds 000-003.

/** A member of the sample community. */
export interface SampleMember {
  key: string;
  name: string;
  role: 'coordinator' | 'facilitator' | 'member' | 'sponsor' | 'guest';
  expertise: string[];
  identity: string;
  joined: string;
  /** Index of the first and last meeting they may attend, and how often they come (0-1). */
  attends: { from: number; to: number; rate: number };
}

export const MEMBERS: SampleMember[] = [
  {
    key: 'lucia',
    name: 'Lucía Fernández',
    role: 'coordinator',
    expertise: ['Spanish teaching', 'electronic resourcing', 'inquiry'],
    identity:
      'A language teacher inquiring into electronic resources in my classroom. I do not have all the answers, but neither do the rest of us — we learn from each other.',
    joined: '2025-02-03',
    attends: { from: 0, to: 20, rate: 1 },
  },
  {
    key: 'james',
    name: 'James Whitfield',
    role: 'facilitator',
    expertise: ['LMS administration', 'Google Workspace', 'device management'],
    identity:
      'ICT lead. I bring what I learn from vendors and other schools back to the committee.',
    joined: '2025-02-03',
    attends: { from: 0, to: 20, rate: 0.95 },
  },
  {
    key: 'mere',
    name: 'Mere Tautahi',
    role: 'sponsor',
    expertise: ['school leadership', 'strategic planning', 'te ao Māori'],
    identity:
      'Deputy principal. My job is to align what the committee builds with the bigger picture of the school.',
    joined: '2025-02-03',
    attends: { from: 0, to: 20, rate: 0.45 },
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    role: 'member',
    expertise: ['science teaching', 'digital citizenship'],
    identity: 'Science teacher who worries about how our students live online.',
    joined: '2025-02-03',
    attends: { from: 0, to: 20, rate: 0.85 },
  },
  {
    key: 'sarah',
    name: 'Sarah Collins',
    role: 'member',
    expertise: ['information literacy', 'library systems'],
    identity: 'School librarian; digital literacy is literacy.',
    joined: '2025-02-03',
    attends: { from: 0, to: 20, rate: 0.8 },
  },
  {
    key: 'daniel',
    name: 'Daniel Kim',
    role: 'member',
    expertise: ['mathematics teaching', 'spreadsheets'],
    identity: 'Maths teacher, keen at first; my timetable filled up after term 2.',
    joined: '2025-02-03',
    attends: { from: 0, to: 9, rate: 0.8 },
  },
  {
    key: 'tom',
    name: 'Tom Ngata',
    role: 'member',
    expertise: ['junior social studies', 'student voice'],
    identity:
      'Second-year teacher. I joined to listen and learn; now I run the student voice survey.',
    joined: '2025-04-28',
    attends: { from: 5, to: 20, rate: 0.9 },
  },
  {
    key: 'hannah',
    name: 'Hannah Berg',
    role: 'member',
    expertise: ['physical education', 'video feedback'],
    identity: 'PE teacher trying video feedback with my classes.',
    joined: '2025-07-21',
    attends: { from: 11, to: 20, rate: 0.75 },
  },
  {
    key: 'aroha',
    name: 'Aroha Williams',
    role: 'guest',
    expertise: ['Kāhui Ako e-learning lead', 'professional learning design'],
    identity: 'I work across the schools of our Kāhui Ako and carry ideas between communities.',
    joined: '2025-03-17',
    attends: { from: 3, to: 20, rate: 0.25 },
  },
];

/** Who mentors whom, and from which meeting on. */
export const MENTORING: { mentor: string; mentee: string; since: number }[] = [
  { mentor: 'lucia', mentee: 'tom', since: 5 },
  { mentor: 'james', mentee: 'hannah', since: 12 },
  { mentor: 'sarah', mentee: 'priya', since: 2 },
];

export const DOMAINS = [
  {
    key: 'elearning',
    title: 'E-learning across the school',
    description:
      'Our joint enterprise: a framework for implementing e-learning across the whole school — the tools, the guidelines and the professional learning that make it work.',
  },
  {
    key: 'literacy',
    title: 'Digital literacy and citizenship',
    description: 'How our students find, judge, create and behave online.',
  },
];

export const PROBLEMS = [
  {
    key: 'approach',
    title: 'No shared approach to e-learning across departments',
    statement:
      "Every department is doing its own thing with e-learning. Science keeps everything in shared Google folders, Languages use three different apps, Maths still hands out paper. Students meet a different system in every class and teachers cannot build on each other's work. Nobody is wrong, but there is no shared approach we could write down, explain to a new teacher or improve together.",
    domain: 'elearning',
    equity: false,
    first: 0,
  },
  {
    key: 'lms',
    title: 'Choosing a learning management system teachers will actually use',
    statement:
      'Our current LMS is used by a handful of teachers, mostly to post notices. Every few years the school buys a new platform, and after the launch day nobody uses it. We want to choose a system that teachers will actually use in their lessons, which means we have to find out what they need before we look at what vendors sell.',
    domain: 'elearning',
    equity: false,
    first: 1,
  },
  {
    key: 'pd',
    title: 'Teachers need PD on digital tools but have little time',
    statement:
      'Teachers tell us they want to learn new digital tools but have no time: one-off PD days are forgotten by the next week, and after-school sessions compete with marking, sport and whānau. We need professional learning that is short, close to the classroom and repeated, so that a tool someone sees becomes a tool they use.',
    domain: 'elearning',
    equity: false,
    first: 0,
  },
  {
    key: 'citizenship',
    title: "Students' digital citizenship is uneven",
    statement:
      'Some of our students are confident, careful and kind online; others share passwords, believe the first result they find, or are on the receiving end of group-chat bullying. What they know depends on which teachers and which whānau they happen to have. Digital citizenship is taught in pockets, so the students who need it most are the least likely to get it.',
    domain: 'literacy',
    equity: true,
    first: 2,
  },
  {
    key: 'app',
    title: 'Do we need a school app?',
    statement:
      'Parents and students ask for a school app, and vendors keep offering one. But we do not know what students and whānau would actually use an app for that the website, email and the LMS do not already do, or whether an app would just be one more place to check. We should not build anything before we know.',
    domain: 'elearning',
    equity: false,
    first: 6,
  },
  {
    key: 'access',
    title: 'Unequal access to devices and internet at home',
    statement:
      'Homework set on the LMS assumes a device and internet at home. A student survey and conversations with whānau show that some of our students share one phone with siblings, rely on prepaid data, or have no quiet place to work. Every move we make online risks widening the gap for the students who already have the least.',
    domain: 'literacy',
    equity: true,
    first: 9,
  },
];

export const PRACTICES = [
  {
    key: 'teamdrive',
    title: 'Rolling out Google Team Drive department by department',
    description:
      "Each department moves its shared resources into one Google Team Drive, with a common folder structure (by year level, then by unit) and the department's own champion. James sets up the drive with the department in a one-hour session; the champion answers questions for the first term. We learn from each department before we move the next one.",
    form: 'routine',
    addresses: ['approach'],
    first: 1,
    established: 6,
    practitioners: ['james', 'lucia', 'priya', 'sarah'],
    experts: ['james'],
  },
  {
    key: 'demos',
    title: 'Ten-minute tool demo at every meeting',
    description:
      'Every committee meeting opens with a ten-minute demo: one member shows a tool or a routine they actually used with a class that fortnight — what they did, what the students did, what went wrong. Nothing is polished. Members then try it once before the next meeting and report back in a sentence.',
    form: 'routine',
    addresses: ['pd'],
    first: 0,
    established: 4,
    practitioners: ['lucia', 'james', 'priya', 'hannah'],
    experts: ['lucia'],
  },
  {
    key: 'bringback',
    title: 'Bring back and share after external PD',
    description:
      'Whoever goes to external PD (ULearn, a Kāhui Ako hui, a vendor session) brings back one page and five minutes at the next meeting: what is worth trying here, what is not, and who could try it first. The page goes into the shared drive so the learning stays with the committee and not only with the person who went.',
    form: 'method',
    addresses: ['pd', 'approach'],
    first: 2,
    established: 8,
    practitioners: ['lucia', 'james', 'aroha', 'sarah'],
    experts: ['aroha'],
  },
  {
    key: 'dcp',
    title: 'Digital Citizenship programme for Year 9',
    description:
      'A Digital Citizenship programme for every Year 9 class, taught in form time over one term: five units (identity and footprint, privacy and passwords, finding and judging information, kindness and bullying online, creating and sharing). Each unit has one lesson plan, one student task and one conversation starter for whānau. Form teachers teach it; the library supports it.',
    form: 'guideline',
    addresses: ['citizenship'],
    first: 3,
    established: 14,
    practitioners: ['priya', 'sarah', 'tom'],
    experts: ['sarah'],
  },
  {
    key: 'lmspilot',
    title: 'LMS pilot with two departments',
    description:
      'Before the school commits to an LMS, two departments (Maths and Languages) use the shortlisted system with their Year 10 classes for one term. Teachers keep a short log of what they did and what got in the way, and students answer three questions at the end. We decide from the logs, not from the sales demo.',
    form: 'method',
    addresses: ['lms'],
    first: 7,
    established: undefined,
    practitioners: ['james', 'daniel'],
    experts: [],
  },
  {
    key: 'survey',
    title: 'Student voice survey before building anything',
    description:
      'Before we build or buy anything for students, we ask them. A short survey (ten questions, in form time, anonymous) designed with a student panel, followed by two focus groups to understand the answers. Results go back to the students with what we decided and why.',
    form: 'tool',
    addresses: ['app', 'citizenship'],
    first: 8,
    established: undefined,
    practitioners: ['tom'],
    experts: [],
  },
];

export const ARTIFACTS = [
  {
    key: 'framework',
    title: 'E-learning framework (draft)',
    type: 'document',
    summary:
      'Our draft framework for e-learning across the school: what we believe about learning with digital tools, the tools we share, how teachers learn them, and how we decide what comes next. Reviewed with the senior leadership team in November.',
    documents: ['teamdrive', 'demos', 'bringback'],
    contributors: ['lucia', 'james', 'mere', 'priya'],
    at: 3,
  },
  {
    key: 'teamdriveguide',
    title: 'Google Team Drive guideline',
    type: 'guideline',
    summary:
      'How a department moves into a Google Team Drive: the folder structure, naming, sharing and permissions, and who to ask. Written from the Science and Languages roll-outs.',
    documents: ['teamdrive'],
    contributors: ['james', 'sarah'],
    at: 5,
  },
  {
    key: 'dcpdoc',
    title: 'Digital Citizenship programme — Year 9 units',
    type: 'document',
    summary:
      'The outline of the five Year 9 Digital Citizenship units, with lesson plans, student tasks and whānau conversation starters. Adopted for all Year 9 form classes from term 4.',
    documents: ['dcp'],
    contributors: ['priya', 'sarah', 'tom'],
    at: 10,
  },
  {
    key: 'lmsmatrix',
    title: 'LMS comparison matrix',
    type: 'document',
    summary:
      'Our comparison of the three shortlisted learning management systems against what teachers told us they need, with what the Maths and Languages pilot found.',
    documents: ['lmspilot'],
    contributors: ['james', 'daniel'],
    at: 8,
  },
  {
    key: 'appproposal',
    title: 'School app proposal',
    type: 'document',
    summary:
      'A proposal to the senior leadership team: what students and whānau told us they want from a school app, what we recommend (a notifications-first app, not a second LMS) and what it would take.',
    documents: [],
    contributors: ['tom'],
    at: 15,
  },
  {
    key: 'wenger',
    title: 'Wenger (2000): Communities of practice and social learning systems',
    type: 'link',
    summary:
      "Wenger's article on communities of practice and social learning systems, which gave us our words for what we are doing: joint enterprise, mutuality and a shared repertoire. Our reading notes are in the document.",
    documents: [],
    contributors: ['lucia'],
    at: 1,
    url: 'https://doi.org/10.1177/135050840072002',
  },
];

/** The 2025 school year's fortnightly Wednesdays, skipping the holidays. */
export const MEETING_DATES = [
  '2025-02-05',
  '2025-02-19',
  '2025-03-05',
  '2025-03-19',
  '2025-04-02',
  '2025-05-07',
  '2025-05-21',
  '2025-06-04',
  '2025-06-18',
  '2025-07-02',
  '2025-07-30',
  '2025-08-13',
  '2025-08-27',
  '2025-09-10',
  '2025-09-24',
  '2025-10-22',
  '2025-11-05',
  '2025-11-19',
  '2025-12-03',
  '2025-12-10',
  '2025-12-17',
];

/** What each meeting worked on, by meeting index (problems and practices by key). */
export const AGENDAS: { agenda: string; discussed: string[] }[] = [
  {
    agenda: 'Why are we here? Our shared concern for e-learning; first tool demo',
    discussed: ['approach', 'pd', 'demos'],
  },
  {
    agenda: 'Which LMS? What do departments use now? Team Drive trial',
    discussed: ['lms', 'teamdrive'],
  },
  {
    agenda: 'Sharing back from the ULearn PD; digital citizenship worries',
    discussed: ['bringback', 'citizenship'],
  },
  { agenda: 'Draft framework; Digital Citizenship programme idea', discussed: ['approach', 'dcp'] },
  {
    agenda: 'Tool demo: Google Forms quizzes; Team Drive in Science',
    discussed: ['demos', 'teamdrive'],
  },
  { agenda: 'Welcome Tom; Team Drive guideline review', discussed: ['teamdrive'] },
  { agenda: 'Do we need a school app?', discussed: ['app'] },
  { agenda: 'LMS shortlist; pilot design', discussed: ['lms', 'lmspilot'] },
  {
    agenda: 'Student voice survey design; Kāhui Ako PD share-back',
    discussed: ['survey', 'bringback'],
  },
  { agenda: 'Devices at home: who is left out?', discussed: ['access', 'citizenship'] },
  { agenda: 'Digital Citizenship units drafted', discussed: ['dcp'] },
  { agenda: 'Welcome Hannah; video feedback demo', discussed: ['demos'] },
  { agenda: 'LMS pilot: first findings', discussed: ['lmspilot', 'lms'] },
  { agenda: 'Survey results: what students want from an app', discussed: ['survey', 'app'] },
  { agenda: 'Digital Citizenship programme adopted for Year 9', discussed: ['dcp', 'citizenship'] },
  { agenda: 'School app proposal draft', discussed: ['app'] },
  { agenda: 'Framework review with the senior leadership team', discussed: ['approach'] },
  { agenda: 'Access to devices: equity options', discussed: ['access'] },
  { agenda: 'Year in review: what did we learn?', discussed: ['approach', 'pd'] },
  { agenda: 'Planning 2026: year plan and cadence', discussed: ['approach'] },
  { agenda: 'End-of-year celebration and reflection', discussed: [] },
];
