// The co-edited documents of the sample's artifacts, by artifact key, in Markdown with the
// sample's reference shorthand (`@key`, `[[key]]`; see references.ts). Each is written when its
// artifact is made, so it refers only to what existed by then.

/** Each artifact's document. */
export const ARTIFACT_DOCUMENTS: Readonly<Record<string, string>> = {
  wenger: `# Reading notes: Wenger (2000)

Wenger, E. (2000). Communities of practice and social learning systems. *Organization, 7*(2), 225–246.

## Why we read it

@lucia brought it to the committee after our first meeting: we had come together not because a timetable put us in one room, but because we share a concern. This article gave us words for that.

## What we took from it

- **Joint enterprise** — our domain: a framework for e-learning across the whole school. None of us is an expert; we accept that and learn from each other.
- **Mutuality** — our community: each member is trusted as a partner and can contribute, whatever their role or years of teaching.
- **Shared repertoire** — our practice: the documents, guidelines, routines and stories we make together, like the [[demos]] that open every meeting.

> Learning is a social process: we align our own experience with a competence we build together.

## Modes of belonging

Wenger names three: *engagement* (doing things together), *imagination* (picturing ourselves as a community and as a school, so we can choose a path) and *alignment* (fitting what we do into the bigger picture of the school, and sometimes the smaller one of a department). Our sponsor's role is mostly alignment.

## Questions for us

1. What happens to the committee when the "need" to meet disappears?
2. Who are our brokers — the members who carry knowledge between us and other communities?
3. How do we stop [[approach]] and [[pd]] becoming someone else's job?
`,

  framework: `# E-learning framework (draft)

*A shared draft: everyone on the committee edits it. @lucia holds the pen.*

## 1. What we believe

- Digital tools are worth using when they change what students can do, not when they are new.
- Teachers learn tools from colleagues who used them with a class, in short repeated doses.
- Every student must be able to take part, whatever they have at home.
- Digital literacy is literacy: finding, judging, creating and behaving well online are taught, not assumed.

## 2. The tools we share

| Tool | What it is for | Who can help |
| --- | --- | --- |
| Google Team Drive | one shared place for each department's resources | @james and each department's champion |
| Google Forms | quizzes, exit tickets and quick surveys | @priya |
| Sheets | marks and feedback at a glance | James, and the Maths department |
| Learning management system | posting work, collecting it, giving feedback | to be decided from the pilot |

The table is short on purpose. A tool joins it when one department has used it for a term and can show what changed for students.

## 3. How teachers learn them

Our professional learning is built from three routines, because one-off PD days do not last ([[pd]]):

1. [[demos]] — ten minutes at every committee and department meeting, by someone who used the tool that fortnight.
2. [[bringback]] — one page and five minutes from anyone who goes to external PD.
3. Department champions, as in the [[teamdrive]] roll-out: one person per department who answers questions for the first term.

## 4. How we decide what comes next

- We start from a problem of practice, never from a product: [[approach]], [[pd]], [[lms]], [[citizenship]].
- We ask the people it is for — teachers, students, whānau — before we choose.
- We pilot with two departments before the whole school.
- Every proposal says what happens for a student without a device or data at home.

## 5. What this changes for students

Students should meet one way of finding their work, one place for feedback, and the same expectations of online behaviour in every class. Section by section, we will add what each decision changes for them.

## 6. Next steps

- [x] Information-literacy section (@sarah)
- [ ] Link each section to the school's strategic goals (@mere)
- [ ] Review with the senior leadership team
`,

  teamdriveguide: `# Google Team Drive guideline

*For heads of department and department champions. Written by @james and @sarah from the Science and Languages roll-outs ([[teamdrive]]).*

## Why a Team Drive

Files in a Team Drive belong to the department, not to a person: when a teacher leaves, their resources stay. Everyone works on the same copy, so there is one version of each unit.

## Before you move

- [ ] Choose a champion (not necessarily the HOD) who will answer questions for a term
- [ ] Book a one-hour set-up session with @james
- [ ] Agree which folders come across and which are archived

## Folder structure

Use the same structure in every department, so anyone can find anything:

1. \`Year 9\`, \`Year 10\`, … one folder per year level
2. Inside each, one folder per unit, numbered in teaching order: \`01 Forces\`, \`02 Energy\`
3. A \`Department\` folder for schemes, moderation and meeting notes
4. An \`Archive\` folder; nothing is deleted in the first year

## Naming

\`Year – Unit – What – Version\`, for example \`Y10 – Forces – Assessment task – v2\`. No "final", no "NEW", no initials.

## Who can do what

| Role | Who | Can |
| --- | --- | --- |
| Manager | head of department | add and remove people, delete |
| Content manager | department champion | move, rename, archive |
| Contributor | every teacher in the department | add and edit files |

## What students see

Students never see the department's drive. They see only what a teacher shares with their class, through the class folder or the LMS. Share a copy or a view link, never the original.

## Who to ask

Your champion first, then @james. Problems with naming or finding things: @sarah.
`,

  lmsmatrix: `# LMS comparison matrix

*Maintained by @james with @daniel, for the [[lmspilot]]. Criteria come from the teacher survey (41 replies), in the order teachers ranked them; see [[meeting-8]] and [[meeting-9]].*

| Criterion (teachers' rank) | Current LMS | Option A: Google Classroom | Option B: Canvas | Option C: Schoolbox |
| --- | --- | --- | --- | --- |
| 1. Work and resources in one place | partly; few teachers post | yes, by class | yes, by course and module | yes, with a school portal |
| 2. See who has handed in | no | yes | yes | yes |
| 3. Quick feedback | comments only | comments, marks, rubrics | rubrics, speed grader | rubrics |
| 4. Works with Google Drive | no | built in | through an add-on | through an add-on |
| Equation support (Maths) | no | basic | good | basic |
| Audio recordings (Languages) | no | through Drive | yes | yes |
| Works on a phone with little data | poor | good | fair | fair |
| Cost per year | already paid | included in our licence | per student | per student |
| Staff training needed | — | low | high | medium |

## Reading the matrix

- Option A scores best on the four criteria teachers ranked highest and costs nothing extra; it is the one the pilot uses.
- Option B is stronger for Maths, which @daniel flagged; the pilot should tell us whether that matters day to day.
- Nothing here decides [[lms]] on its own: the pilot logs and students' answers do.

## Pilot questions (end of term 3)

1. What did you use it for, each week?
2. What did you stop doing because of it?
3. What got in the way?
4. Students: where do you look first to find your work?
`,

  dcpdoc: `# Digital Citizenship programme — Year 9 units

*Our [[dcp]], written by @priya and @sarah with @tom. Taught in form time, one unit a fortnight over a term. Addresses [[citizenship]].*

## How the units work

Each unit opens with a five-minute video made by senior students, so the form teacher facilitates rather than lectures. Then one lesson, one student task, and one conversation starter to take home to whānau. Nothing needs a device at home ([[access]]): every task can be done in class or on paper.

## Unit outline

| Unit | Big question | Student task | Whānau conversation starter |
| --- | --- | --- | --- |
| 1. Identity and footprint | What does the internet already know about me? | Search yourself; map your footprint | What did you post at my age, and would you now? |
| 2. Privacy and passwords | Who can see what I share? | Audit one app's privacy settings; make a passphrase | Which accounts do we share as a family? |
| 3. Finding and judging information | How do I know this is true? | Check three claims with lateral reading | Where do you get your news? |
| 4. Kindness and bullying online | What do I do when a group chat turns? | Write the message you would send a friend | What would you want me to do if I saw it? |
| 5. Creating and sharing | What may I use, and how do I give credit? | Remix an image with the right licence | What do we make together that we could share? |

## Lesson shape (50 minutes)

1. Video and first reactions (10 minutes)
2. The big question in pairs, then as a class (15 minutes)
3. Student task (20 minutes)
4. Take-home starter and exit question (5 minutes)

## Assessment

No marks. Each student keeps a one-page digital citizenship passport with one sentence per unit; the library keeps the passports for Year 10.

## Support for form teachers

- A 20-minute briefing in week 1 of the term, filmed for those who miss it
- @sarah and the library team are available during every form time the units run
- Questions to @priya
`,

  appproposal: `# School app proposal

*To the senior leadership team, from the e-learning committee. Drafted by @tom and @james from the student voice [[survey]]. Addresses [[app]].*

## Summary

We recommend a **notifications-first** school app: the calendar, notices and class cancellations, with a text-message fallback for students and whānau without data. We do not recommend an app that repeats the LMS.

## What students and whānau told us

- 612 students answered (78% of Year 9–13); two focus groups followed.
- What they want most: one calendar of due dates, notices without scrolling email, knowing when a class is cancelled.
- What they do not want: another login, or the LMS in a second place.
- 31 students have no device of their own at home; almost 100 rely on prepaid data ([[access]]).

## What the app does

1. Calendar: school events and, once the LMS is chosen, due dates from it
2. Notices: one post goes to the app, the website and the weekly email
3. Cancellations and changes, pushed to the classes affected
4. Text-message fallback for anyone who opts in

## What we stop doing

- The daily notices email to students
- Separate event emails to whānau
- Paper notices in form time, except for students who ask for them

## Costs and time

| Item | Estimate |
| --- | --- |
| App licence | per student, per year (vendor quote attached) |
| Text messages | about the cost of the current paper notices |
| Staff time | less than now: one post instead of three |

## What we ask

- [ ] Approval in principle
- [ ] Funding for a one-term trial with Year 9 and 10 in 2026
- [ ] A check-in with students after the trial, as we did with the survey
`,
};
