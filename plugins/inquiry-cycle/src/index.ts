import {
  argOrAsk,
  type EntityInfo,
  type JsonValue,
  type PluginContext,
  pickEntity,
} from '@repertoire/plugin-api';
import { cyclesTree, statusText } from './cyclesView.ts';
import { FOLLOWS, INQUIRY, INVESTIGATES, PARTICIPATES_IN, TRIES } from './kinds.ts';
import { NOTES_FIELD, NOTES_PROMPT, nextPhase, type Phase, phaseOf } from './phases.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

const today = () => new Date().toISOString().slice(0, 10);

/** An inquiry's title: its question, shortened, and which cycle it is. */
export function inquiryTitle(question: string, cycle: number): string {
  const line = question.split('\n')[0]?.trim() ?? '';
  const short = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return `${short} (cycle ${cycle})`;
}

/**
 * Activates the inquiry-cycle plugin. It uses nothing but the public API, so it runs the same in
 * the Worker sandbox as in the page.
 */
export function activate(context: PluginContext): void {
  const { commands, graph, window, views, settings, subscriptions } = context;

  /**
   * The inquiry a command is about: its argument, or one the user picks among the cycles under
   * way (or, with `complete`, among the finished ones).
   */
  const inquiryFrom = async (given: JsonValue | undefined, title: string, complete = false) => {
    const id = await argOrAsk(given, async () => {
      const candidates = (await graph.entities({ kind: INQUIRY })).filter(
        (e) => (phaseOf(e.fields) === 'complete') === complete,
      );
      const picked = await window.showQuickPick(
        candidates.map((e) => ({ label: e.title, description: phaseOf(e.fields), value: e.id })),
        { title },
      );
      return picked?.value;
    });
    if (!id) return undefined;
    const entity = await graph.getEntity(id);
    if (entity?.kind !== INQUIRY) throw new Error(`"${id}" is not an inquiry cycle.`);
    return entity;
  };

  const warn = (message: string) => window.showNotification(message, { severity: 'warning' });

  subscriptions.push(
    commands.registerCommand('inquiry.start', async (problem?: JsonValue, question?: JsonValue) => {
      const problemId = await argOrAsk(problem, () =>
        pickEntity(context, {
          kind: 'problem',
          title: 'Which problem of practice will the team inquire into?',
        }),
      );
      if (!problemId) return undefined;
      const target = await graph.getEntity(problemId);
      if (target?.kind !== 'problem')
        throw new Error(`"${problemId}" is not a problem of practice.`);
      const text = await argOrAsk(question, () =>
        window.showInputBox({
          title: 'Inquiry question',
          placeholder: 'e.g. Do exit tickets show us who is lost before the unit test?',
        }),
      );
      if (!text) return undefined;
      const { refs } = await graph.transact((tx) => {
        const id = tx.createEntity({
          kind: INQUIRY,
          title: inquiryTitle(text, 1),
          fields: { question: text, phase: 'plan', cycle: 1, started: today() },
        });
        tx.link(id, INVESTIGATES, problemId);
        if ((target.fields.status ?? 'open') === 'open')
          tx.updateEntity(problemId, { fields: { status: 'in inquiry' } });
      });
      return refs['new:1'];
    }),

    commands.registerCommand(
      'inquiry.recordNotes',
      async (inquiry?: JsonValue, notes?: JsonValue) => {
        const entity = await inquiryFrom(inquiry, 'Which inquiry cycle?');
        if (!entity) return false;
        const phase = phaseOf(entity.fields);
        if (phase === 'complete') {
          await warn(`"${entity.title}" is complete; start the next cycle to go on.`);
          return false;
        }
        const field = NOTES_FIELD[phase];
        const current = entity.fields[field];
        const text = await argOrAsk(notes, () =>
          window.showInputBox({
            title: `${entity.title}: ${phase}`,
            placeholder: NOTES_PROMPT[phase],
            ...(typeof current === 'string' ? { value: current } : {}),
          }),
        );
        if (text === undefined) return false;
        await graph.transact((tx) => tx.updateEntity(entity.id, { fields: { [field]: text } }));
        return true;
      },
    ),

    commands.registerCommand('inquiry.advance', async (inquiry?: JsonValue) => {
      const entity = await inquiryFrom(inquiry, 'Which inquiry cycle moves on?');
      if (!entity) return undefined;
      const phase = phaseOf(entity.fields);
      const next = nextPhase(phase);
      if (!next) {
        await warn(`"${entity.title}" is already complete.`);
        return phase;
      }
      if (phase !== 'complete' && (await settings.get<boolean>('inquiry.requireNotes'))) {
        const notes = entity.fields[NOTES_FIELD[phase]];
        if (typeof notes !== 'string' || notes.trim() === '') {
          await warn(`Record the ${phase} notes of "${entity.title}" before moving on.`);
          return phase;
        }
      }
      await graph.transact((tx) => tx.updateEntity(entity.id, { fields: { phase: next } }));
      return next;
    }),

    commands.registerCommand(
      'inquiry.tryPractice',
      async (inquiry?: JsonValue, practice?: JsonValue) => {
        const entity = await inquiryFrom(inquiry, 'Which inquiry cycle?');
        if (!entity) return false;
        const practiceId = await argOrAsk(practice, () =>
          pickEntity(context, {
            kind: 'practice',
            title: `Which practice will "${entity.title}" try?`,
          }),
        );
        if (!practiceId) return false;
        await graph.transact((tx) => tx.link(entity.id, TRIES, practiceId));
        return true;
      },
    ),

    commands.registerCommand(
      'inquiry.addParticipant',
      async (inquiry?: JsonValue, member?: JsonValue) => {
        const entity = await inquiryFrom(inquiry, 'Which inquiry cycle?');
        if (!entity) return false;
        const memberId = await argOrAsk(member, () =>
          pickEntity(context, { kind: 'member', title: `Who takes part in "${entity.title}"?` }),
        );
        if (!memberId) return false;
        await graph.transact((tx) => tx.link(memberId, PARTICIPATES_IN, entity.id));
        return true;
      },
    ),

    commands.registerCommand('inquiry.nextCycle', async (inquiry?: JsonValue) => {
      const previous = await inquiryFrom(
        inquiry,
        'Which finished cycle does the team take further?',
        true,
      );
      if (!previous) return undefined;
      if (phaseOf(previous.fields) !== 'complete') {
        await warn(`Finish "${previous.title}" (reflect, then move on) before the next cycle.`);
        return undefined;
      }
      return startNextCycle(context, previous);
    }),

    views.registerViewProvider('inquiry.cycles', {
      resolve: async () => ({
        type: 'tree',
        items: cyclesTree(
          await graph.entities({ kind: INQUIRY }),
          await graph.entities({ kind: 'problem' }),
          await graph.relations({ type: INVESTIGATES }),
        ),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
  );

  const status = window.createStatusBarItem({
    id: 'inquiry.status',
    text: 'Inquiry',
    tooltip: 'Inquiry cycles under way in this community',
    alignment: 'left',
  });
  const refresh = async () =>
    status.update({ text: statusText(await graph.entities({ kind: INQUIRY })) });
  subscriptions.push(
    status,
    graph.onDidChange(() => void refresh().catch(() => {})),
  );
  void refresh().catch(() => {});
}

/**
 * Starts the cycle after a complete one: same question, same problems and team, linked to the
 * cycle it follows, so the graph shows how the inquiry went on.
 */
async function startNextCycle(context: PluginContext, previous: EntityInfo): Promise<string> {
  const { graph } = context;
  const cycle = (typeof previous.fields.cycle === 'number' ? previous.fields.cycle : 1) + 1;
  const question = String(previous.fields.question ?? previous.title);
  const links = await graph.relations({ entity: previous.id });
  const { refs } = await graph.transact((tx) => {
    const id = tx.createEntity({
      kind: INQUIRY,
      title: inquiryTitle(question, cycle),
      fields: { question, phase: 'plan' satisfies Phase, cycle, started: today() },
    });
    tx.link(id, FOLLOWS, previous.id);
    for (const r of links) {
      if (r.type === INVESTIGATES && r.from === previous.id) tx.link(id, INVESTIGATES, r.to);
      if (r.type === PARTICIPATES_IN && r.to === previous.id) tx.link(r.from, PARTICIPATES_IN, id);
    }
  });
  const id = refs['new:1'];
  if (!id) throw new Error('The next cycle was not created.');
  return id;
}
