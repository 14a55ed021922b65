// The notes of the committee's 21 meetings, by meeting index, as members wrote them. `@key` is a
// member mention and `[[key]]` a link to a problem, practice, artifact or meeting (see
// references.ts); the loader puts who was present above each one.

/** Each meeting's notes in Markdown with the sample's reference shorthand. */
export const MEETING_NOTES: readonly string[] = [
  // 1 — 5 February
  `## Agenda

1. Why are we here?
2. What each of us already does with e-learning
3. First tool demo

## Discussion

@lucia opened by asking what brought each of us to the committee. Nobody is here because the timetable says so: we all want e-learning to make sense across the school, and none of us claims to be an expert. @james said the school has bought three platforms in five years and each one faded after launch day.

Round the table, every department turned out to do its own thing — shared folders in Science, three language apps, paper in Maths. That is our first problem of practice: [[approach]]. The second came straight after: teachers want to learn tools but have no time ([[pd]]).

@priya did the first demo: a Google Forms exit ticket with her Year 10 class, including the part where half the class could not log in.

## Decisions

- We meet fortnightly on Wednesdays, 3.30–4.30, and keep to the hour.
- Every meeting opens with a ten-minute demo of something a member really used: [[demos]].

## Actions

- [x] @lucia to set up a shared folder for the committee
- [x] @james to list the platforms the school pays for
- [x] @daniel to demo spreadsheet feedback next time
`,
  // 2 — 19 February
  `## Agenda

1. Demo: spreadsheet feedback
2. Which LMS? What do departments use now?
3. A Team Drive trial

## Discussion

@daniel showed how he returns quiz marks with a comment per question from one spreadsheet. @sarah asked whether the same sheet could feed the library's reading records — it can.

@james's list: we pay for an LMS that eleven teachers log into, two quiz sites and a video tool nobody remembers buying. [[lms]] is now on our list: we want a system teachers will actually use, so we start from what they need, not from vendors.

On shared files, @james proposed moving one department into a Google Team Drive before anyone else, so the structure is tested on real work: [[teamdrive]]. @mere supports it as long as it is department by department, not a big-bang launch.

@lucia shared Wenger's article on communities of practice ([[wenger]]): it gave us words for what we are — a joint enterprise, mutual engagement and a shared repertoire.

## Decisions

- Science goes first with the Team Drive trial.
- Before we compare any LMS, we ask teachers what they need.

## Actions

- [x] @james to set up the Science Team Drive
- [x] @sarah to draft a five-question teacher survey on the LMS
- [ ] Everyone: read [[wenger]] before meeting 4
`,
  // 3 — 5 March
  `## Agenda

1. Sharing back from ULearn
2. Digital citizenship: what worries us?

## Discussion

@lucia and @james went to ULearn over the holidays. Instead of a long report, each brought one page: what is worth trying here, what is not, and who could try it first. We liked the format enough to keep it — [[bringback]]. @lucia's page: short, repeated PD beats one big day. @james's page: schools that succeeded with an LMS piloted it with two departments first.

@priya raised what she sees in form time: students sharing passwords, trusting the first search result, and a group chat that turned nasty. @daniel sees the same in Year 9. Nobody teaches this consistently, so what students know depends on which teachers they happen to have. We named it [[citizenship]] and marked it as an equity problem: the students who most need it are the least likely to get it.

## Decisions

- Anyone coming back from external PD brings one page and five minutes.
- Digital citizenship becomes our second domain, alongside the framework.

## Actions

- [x] @priya to collect what each year level already does on digital citizenship
- [x] @lucia to start a draft framework for meeting 4
`,
  // 4 — 19 March
  `## Agenda

1. First look at the draft framework
2. A Digital Citizenship programme?

## Discussion

@lucia walked us through the first draft of the [[framework]]: four parts — what we believe, the tools we share, how teachers learn them, how we decide what comes next. @mere asked that it line up with the school's strategic goals and offered to take it to the senior leadership team once it is more than a draft. @sarah wants information literacy named explicitly, not folded into "tools".

@priya's survey of year levels: Year 7 and 8 cover cyber-safety in health, then nothing until a Year 12 assembly. We agreed the gap is Year 9. The idea of a [[dcp]] came out of this: short units taught in form time, with the library supporting. @sarah will co-lead it with @priya.

@mere told us Aroha Williams, the Kāhui Ako e-learning lead, would like to join us when she can.

## Decisions

- The framework stays a shared draft everyone edits; @lucia holds the pen.
- We design a Year 9 Digital Citizenship programme for term 3.

## Actions

- [x] @sarah to add an information-literacy section to the [[framework]]
- [x] @priya and @sarah to sketch five possible units
- [x] @mere to invite Aroha to a meeting in term 2
`,
  // 5 — 2 April
  `## Agenda

1. Demo: Google Forms quizzes that mark themselves
2. Team Drive in Science: six weeks in

## Discussion

@priya's demo built on her exit tickets: a self-marking Forms quiz with feedback per answer. @daniel tried it with his Year 10s the same week and reported back in one sentence, which is exactly what [[demos]] is for. The demo has become our most reliable routine — we now count it as established.

@james reported on the Science Team Drive. What worked: one folder tree (year level, then unit), a department champion, everyone an editor. What did not: people kept making private copies, and nobody knew who could delete what. @sarah noticed the same naming mess the library had ten years ago and offered to write naming rules.

We agreed the trial has taught us enough to write a guideline before the second department moves.

## Decisions

- Ten-minute demos are established practice; the roster is in the committee folder.
- A written guideline comes before the next department moves into a Team Drive.

## Actions

- [x] @james and @sarah to draft the Team Drive guideline
- [x] @priya to share her Forms quiz template in the committee folder
`,
  // 6 — 7 May
  `## Agenda

1. Welcome Tom
2. Review of the Team Drive guideline draft

## Discussion

We welcomed @tom, in his second year of teaching social studies. He said he joined to listen and learn; @lucia will be his go-to person on the committee.

@james and @sarah presented the [[teamdriveguide]]. The discussion was mostly about permissions: @mere wants heads of department to be managers of their drive, @james prefers a champion who is not necessarily the HOD. We settled on both: the HOD is a manager, the champion is a content manager, everyone else edits. @daniel asked for a one-page version for the staffroom wall.

@tom asked the question nobody had: what do students see? Students only see what a teacher shares with their class, never the department drive. We added a section on it.

## Decisions

- The guideline is approved for the Languages roll-out, with the permissions change.
- Languages moves into its Team Drive in week 3.

## Actions

- [x] @sarah to add the "what students see" section to the [[teamdriveguide]]
- [x] @daniel to make a one-page version
- [x] @james to book the Languages set-up session
`,
  // 7 — 21 May
  `## Agenda

1. Do we need a school app?

## Discussion

A vendor offered the principal a school app, and parents asked about one at the last board meeting. So: [[app]]

@james listed what an app could do: notices, the calendar, absences, links into the LMS. @sarah pointed out that the website and the weekly email already carry most of it, and that "one more place to check" is the usual complaint. @daniel was in favour if it replaces something rather than adds to it.

@tom said we were six adults guessing what students and whānau want. He offered to ask them properly with a survey. @priya agreed, and added that any app must work on a cheap phone with little data — which connects to a worry we have not named yet.

The Languages Team Drive is up and running with no permission problems, so [[teamdrive]] now counts as established.

## Decisions

- No app decision until we have heard from students and whānau.
- The Team Drive roll-out continues with English and Maths in term 3.

## Actions

- [x] @tom to draft a student voice survey, with @lucia's help
- [x] @james to ask the vendor for a demo account, without commitment
`,
  // 8 — 4 June
  `## Agenda

1. LMS shortlist
2. Designing the pilot

## Discussion

Everyone was here, including @aroha from the Kāhui Ako for the first time. She described how two schools in the cluster chose their LMS and what went wrong at one of them: the decision was made from a sales demo.

@sarah's teacher survey had 41 replies. What teachers want, in order: post work and resources in one place, see who has handed in, give feedback quickly, and it must work with Google Drive. Nobody asked for gamification. @james turned that into criteria and a shortlist of three.

Following the ULearn advice ([[bringback]]) and @aroha's story, we designed the [[lmspilot]]: Maths and Languages use the best-scoring system with their Year 10 classes for term 3, keeping a weekly log. @daniel volunteered Maths. @mere will fund the licences for the term.

## Decisions

- Shortlist of three; the pilot runs in term 3 with two departments.
- We decide from the teachers' logs and students' answers, not from the demo.

## Actions

- [x] @james to write up the comparison for meeting 9
- [x] @daniel and @lucia to set up the pilot classes
- [x] @mere to approve the licences
`,
  // 9 — 18 June
  `## Agenda

1. The LMS comparison
2. Student voice survey design
3. Share-back from the Kāhui Ako hui

## Discussion

@james presented the [[lmsmatrix]]: three systems against the teachers' criteria. @daniel added the columns that matter to Maths (equation support, quick marking). The table makes the choice for the pilot fairly clear, but we will only know with real classes.

@tom showed his survey draft: ten questions, anonymous, in form time. @sarah suggested testing it with a student panel first, which @tom will do. This becomes our [[survey]] practice: ask students before we build anything for them.

@lucia shared back from the Kāhui Ako hui in one page, as we now always do. With three share-backs behind us and the pages in the committee folder, [[bringback]] is established. The most useful idea: other schools run their PD as repeated short sessions in department time, not a day in January — straight into our [[framework]].

## Decisions

- The pilot uses the top system in the [[lmsmatrix]].
- The survey goes to a student panel before it goes to everyone.

## Actions

- [x] @tom to run the student panel
- [x] @lucia to add the PD model to the [[framework]]
`,
  // 10 — 2 July
  `## Agenda

1. Devices at home: who is left out?

## Discussion

@tom's student panel changed our plans. Several students said they do homework on a phone they share with siblings, and top up data when they can. @aroha said the cluster has seen the same: the more a school moves online, the wider the gap for students who already have least. We named it as an equity problem of practice: [[access]].

@sarah described what the library already offers: laptops to borrow overnight and a quiet room until 5. Few students know. @priya connected it to [[citizenship]]: a unit on being online safely is hollow if a student is rarely online at all.

@daniel said this is his last meeting for a while: his timetable is full from term 3. He will keep his pilot log going and send it in. We thanked him for the spreadsheet demos and the Maths columns in the matrix.

## Decisions

- Every new e-learning proposal answers one question: what happens for a student without a device or data at home?
- The survey gets two questions on devices and internet at home.

## Actions

- [x] @tom to add the access questions to the [[survey]]
- [x] @sarah to make the library's loan laptops visible in the student notices
`,
  // 11 — 30 July
  `## Agenda

1. The Digital Citizenship units, drafted

## Discussion

A small meeting in the first week of term. @priya presented the draft [[dcpdoc]]: five units for Year 9 form time — identity and footprint, privacy and passwords, finding and judging information, kindness and bullying online, creating and sharing. Each unit has one lesson plan, one student task and one conversation starter for whānau. Sarah wrote the information unit but could not come.

@tom asked whether form teachers, who are not specialists, would be comfortable teaching it. That led to the best idea of the meeting: each unit starts with a five-minute video made by senior students, so the form teacher facilitates rather than lectures. @james will check the video tool licence.

@lucia noted that the pilot classes started on Monday and the first logs are coming in.

## Decisions

- The units go to two Year 9 form classes as a trial in weeks 4–6.
- Senior students are invited to make the opening videos.

## Actions

- [x] @priya to find two form teachers for the trial
- [x] @tom to ask the student council about the videos
- [x] @james to check the video tool licence
`,
  // 12 — 13 August
  `## Agenda

1. Welcome Hannah
2. Demo: video feedback in PE

## Discussion

We welcomed @hannah, who teaches PE and has been filming students' technique on a tablet. Her demo was the best yet: students film each other, compare with a model clip and write one thing to change. Feedback happens in the lesson, not a week later. @james offered to help her keep the clips off personal devices, and will mentor her on the Google side.

@aroha brought a question from the cluster: could our [[demos]] routine work across schools, once a term? We liked it. @aroha will host the first one.

@priya reported the two trial form classes start the Digital Citizenship units next week. @tom has four senior students making the opening videos.

## Decisions

- Video feedback joins the demo roster for other departments.
- We take part in a cross-school demo session in term 4.

## Actions

- [x] @james to set up a shared drive for PE clips
- [x] @hannah to write up her routine in one page for the [[framework]]
- [x] @aroha to organise the cross-school demo
`,
  // 13 — 27 August
  `## Agenda

1. LMS pilot: first findings

## Discussion

James was away, so @lucia presented the pilot logs from the [[lmspilot]]. Four weeks in, Languages teachers use the system daily for posting work and collecting recordings; Maths use it less, mostly for quizzes. Daniel's log, sent in before he stepped back, says the equation editor is the sticking point. Students in both departments like seeing everything in one place; they dislike notifications for every change.

@aroha warned us about the cluster school that declared success at week four and lost teachers by week ten. @sarah suggested we ask the pilot teachers what they stopped doing, not only what they did. @hannah asked whether PE could try it in term 4 for clips and reflections.

## Decisions

- The pilot runs to the end of term before we decide anything ([[lms]] stays in inquiry).
- The end-of-pilot questions include "what did you stop doing?"

## Actions

- [x] @lucia to add the question to the pilot survey
- [x] @sarah to add the students' view to the [[lmsmatrix]]
`,
  // 14 — 10 September
  `## Agenda

1. Survey results: what students want from an app

## Discussion

@tom presented the [[survey]] results: 612 responses, 78% of Year 9–13. What students want most: to know when work is due (a single calendar), to see notices without scrolling email, and to know if a class is cancelled. What they do not want: another login, or the LMS in a second place. Thirty-one students have no device of their own at home, and almost a hundred rely on prepaid data.

@james said this describes a notifications-first app, not a platform. @priya pointed out that notices by text message would reach students without data. @hannah wondered whether students would turn notifications off, which the focus groups can ask.

This answered much of [[app]]: students want something small.

## Decisions

- If we propose an app, it is notifications and calendar only, and works on low data.
- Results go back to students in form time, with what we decided.

## Actions

- [x] @tom to run two focus groups on notifications
- [x] @tom and @james to start drafting an app proposal
`,
  // 15 — 24 September
  `## Agenda

1. Digital Citizenship programme: adopt it for Year 9?

## Discussion

@priya and @sarah reported the trial in two form classes. Students rated the kindness and bullying unit highest and the privacy unit lowest ("we know this already" — though their answers to the password task said otherwise). Form teachers found the senior students' videos made it easy to start. One form teacher asked for a shorter version of the information unit, which @sarah has already rewritten.

@mere, sponsoring, said the senior leadership team will support it if it is in every Year 9 form class from term 4, with a short briefing for form teachers. We agreed. The [[dcp]] is now established, and the [[dcpdoc]] is the version of record.

@hannah offered to film the briefing so teachers who miss it can watch it.

## Decisions

- The Digital Citizenship programme runs in every Year 9 form class from term 4.
- [[citizenship]] is addressed for Year 9; we review Year 10 next year.

## Actions

- [x] @sarah to brief form teachers in week 1 of term 4
- [x] @hannah to film the briefing
- [x] @mere to announce the programme to staff
`,
  // 16 — 22 October
  `## Agenda

1. School app proposal, first draft

## Discussion

@tom presented the first draft of the [[appproposal]] with @james. It recommends a notifications-first app: calendar, notices, class cancellations, and a text-message fallback for students without data. It does not duplicate the LMS. @sarah asked for a section on what we would stop sending by email, so the app replaces something.

@priya wanted the proposal to show the access figures from the [[survey]] up front: the app only works for everyone if the text fallback is part of it, not an extra. @hannah asked how much staff time it takes to post notices; @james estimated it is less than now, since one post goes to the app, the website and email.

We agreed the proposal is ready for the senior leadership team after these changes.

## Decisions

- The proposal goes to the senior leadership team in November.

## Actions

- [x] @tom to add the "what we stop sending" section
- [x] @james to get a costing for the text-message fallback
`,
  // 17 — 5 November
  `## Agenda

1. The framework review with the senior leadership team

## Discussion

@lucia and @james took the [[framework]] to the senior leadership team on Monday. Their feedback: the beliefs section is strong, the tools section is too long, and they want each decision in the framework linked to a student outcome. They approved the app proposal in principle, subject to cost.

A small meeting, so we worked rather than reported. @tom and @hannah rewrote the tools section as a table: tool, what it is for, who can help. @lucia reorganised the PD section around our three routines — [[demos]], [[bringback]] and the department champions from [[teamdrive]].

@hannah said reading the framework as a newcomer, the part she found most useful was "who to ask", which was not in the first draft at all.

## Decisions

- The tools section becomes a one-page table.
- Every framework section ends with "what this changes for students".

## Actions

- [x] @lucia to send the revised framework to the senior leadership team
- [x] @tom to add the app proposal's status to the framework
`,
  // 18 — 19 November
  `## Agenda

1. Access to devices: what can we offer?

## Discussion

Back to [[access]], with the survey figures in hand. @mere said the board has a small fund for equity and asked the committee for options by the end of the year. @sarah proposed doubling the library's overnight laptops and opening the library until 5.30 three days a week. @james can set up a handful of mobile hotspots for families on prepaid data.

@priya reminded us of the rule we made in July: every proposal answers what happens for a student without a device at home. The LMS pilot should answer it too — can work be downloaded to do offline? @tom will add it to the pilot questions.

@hannah suggested asking whānau directly, through the app's text fallback once it exists, rather than guessing again.

## Decisions

- Three options go to the board: more loan laptops, longer library hours, hotspots.
- Offline access is a criterion for the LMS decision.

## Actions

- [x] @sarah and @james to cost the three options
- [x] @tom to add offline access to the [[lmsmatrix]]
- [x] @mere to take the options to the board
`,
  // 19 — 3 December
  `## Agenda

1. Year in review: what did we learn?

## Discussion

@lucia asked each of us what we learned this year. @priya: that a programme is easier to adopt when students help make it. @sarah: that the library had answers nobody asked for. @tom: that asking students first saved us from building the wrong app. @james: that teachers use a tool a colleague showed them, never a tool a vendor showed them. @aroha: that this committee is one of the few in the cluster where people bring learning back instead of keeping it.

Looking at our problems of practice: [[citizenship]] and [[app]] are addressed, [[lms]] waits for the pilot decision, [[approach]] has a framework, [[pd]] has routines that work, and [[access]] has options with the board.

We also noticed who is no longer here. Daniel carried the Maths pilot and we should ask him back next year with a lighter role.

## Decisions

- The LMS decision is made at the first meeting of 2026, from the pilot logs.

## Actions

- [x] @lucia to write a one-page year summary for staff
- [x] @aroha to share our share-back page template with the cluster
`,
  // 20 — 10 December
  `## Agenda

1. 2026: year plan and cadence

## Discussion

@mere asked what the committee wants to be next year. We agreed we are a community of practice, not a project team: we keep meeting because the work is ours, and we stop things that no longer matter. @lucia proposed the same fortnightly hour, with one meeting a term given to a cross-school demo.

Year plan draft:

1. Term 1 — LMS decision and launch plan; Team Drive for the last two departments
2. Term 2 — the app, if funded; Digital Citizenship review for Year 10
3. Term 3 — framework review with students, not only staff
4. Term 4 — the access options, one year on

@tom will co-facilitate with @lucia next year, which says a lot about how far he has come since May. @hannah will take over the demo roster.

## Decisions

- Same cadence; @tom co-facilitates from term 1.
- The year plan goes into the [[framework]] as its last section.

## Actions

- [x] @lucia to add the year plan to the framework
- [x] @hannah to draft the term 1 demo roster
`,
  // 21 — 17 December
  `## Agenda

1. Celebration and reflection

## Discussion

Kai, and no laptops. We looked back at meeting one ([[meeting-1]]), when we went round the table and found every department doing its own thing. Now there is a shared [[framework]], a [[teamdriveguide]] four departments use, a [[dcp]] in every Year 9 form class and an [[appproposal]] the senior leadership team has approved in principle.

@lucia read the line from [[wenger]] that started us off: we do not have all the answers, but neither does anyone else, so we learn from each other. @mere thanked the committee for work nobody was told to do.

@priya asked that we keep the notes of every meeting together, so someone joining next year can see how we got here. That is what this workspace is for.

## Decisions

- First meeting of 2026: Wednesday of week 2, term 1.

## Actions

- [ ] Everyone: bring one thing you want to learn next year
`,
];
