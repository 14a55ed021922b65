import type { JsonValue, PluginContext } from '@repertoire/plugin-api';
import { z } from 'zod';
import { dayOf } from './communityGraph.ts';
import { LAYER_GUIDES, LAYERS, termOf } from './layers.ts';
import { PHASE_GUIDES, PHASES } from './phases.ts';
import { recordLayer, recordPhase } from './records.ts';
import { suggestPhase } from './suggestPhase.ts';

const day = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const id = z.string().min(1).max(64);

/** The argument of `growth.recordPhase` when another plugin or the page calls it. */
export const phaseArgSchema = z.strictObject({
  phase: z.enum(PHASES as [string, ...string[]], {
    message: `must be one of ${PHASES.join(', ')}`,
  }),
  since: day.optional(),
  note: z.string().max(4000).optional(),
});

/** The argument of `growth.recordLayer`. */
export const layerArgSchema = z.strictObject({
  layer: z.enum(LAYERS as [string, ...string[]], {
    message: `must be one of: ${LAYERS.join(', ')}`,
  }),
  term: z.string().trim().min(1, 'must name the term, e.g. Term 2 2025').max(80),
  date: day.optional(),
  note: z.string().max(4000).optional(),
  evidence: z.array(id).max(200).optional(),
  progress: z.array(id).max(200).optional(),
  withdrawal: z.array(id).max(200).optional(),
});

const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(
    `${what}: ${issue?.path.join('.') || 'the argument'} ${issue?.message ?? 'is not valid'}.`,
  );
};

const today = () => new Date().toISOString();

/**
 * Records the phase: the suggestion of today (what Repertoire said and why) is kept beside the
 * facilitator's choice, so the history shows where they agreed and where they did not.
 */
async function runRecordPhase(
  context: PluginContext,
  arg: JsonValue | undefined,
): Promise<string | undefined> {
  const [entities, relations] = await Promise.all([
    context.graph.entities(),
    context.graph.relations(),
  ]);
  const suggestion = suggestPhase({ entities, relations }, today());
  let chosen: z.infer<typeof phaseArgSchema>;
  if (arg === undefined) {
    const picked = await context.window.showQuickPick(
      [suggestion.phase, ...PHASES.filter((p) => p !== suggestion.phase)].map((p) => ({
        label: PHASE_GUIDES[p].label,
        description: p === suggestion.phase ? 'suggested from your data' : PHASE_GUIDES[p].summary,
        value: p,
      })),
      { title: 'Which life phase is the community in?', placeholder: 'Pick a phase' },
    );
    if (!picked?.value) return undefined;
    const note = await context.window.showInputBox({
      title: `Why ${PHASE_GUIDES[picked.value as keyof typeof PHASE_GUIDES].label.toLowerCase()}? (optional)`,
    });
    if (note === undefined) return undefined;
    chosen = { phase: picked.value, ...(note.trim() ? { note: note.trim() } : {}) };
  } else chosen = parse(phaseArgSchema, arg, 'Recording the life phase');
  const phase = chosen.phase as (typeof PHASES)[number];
  const recordId = await recordPhase(context.graph, {
    phase,
    since: chosen.since ?? dayOf(today()),
    suggested: suggestion.phase,
    signals: suggestion.signals.filter((s) => s.decisive).map((s) => s.text),
    ...(chosen.note ? { note: chosen.note } : {}),
  });
  void context.window.showNotification(
    phase === suggestion.phase
      ? `Recorded: the community is in its ${PHASE_GUIDES[phase].label.toLowerCase()} phase, as its data suggests.`
      : `Recorded: the community is in its ${PHASE_GUIDES[phase].label.toLowerCase()} phase (its data suggested ${PHASE_GUIDES[suggestion.phase].label.toLowerCase()}).`,
  );
  return recordId;
}

async function runRecordLayer(
  context: PluginContext,
  arg: JsonValue | undefined,
): Promise<string | undefined> {
  let entry: z.infer<typeof layerArgSchema>;
  if (arg === undefined) {
    const picked = await context.window.showQuickPick(
      LAYERS.map((l) => ({
        label: LAYER_GUIDES[l].label,
        description: LAYER_GUIDES[l].description,
        value: l,
      })),
      { title: 'Where does the community stand this term?', placeholder: 'Pick a layer' },
    );
    if (!picked?.value) return undefined;
    const term = await context.window.showInputBox({
      title: 'Which term?',
      value: termOf(dayOf(today())),
    });
    if (term === undefined) return undefined;
    const note = await context.window.showInputBox({ title: 'What did you see? (optional)' });
    if (note === undefined) return undefined;
    entry = parse(
      layerArgSchema,
      { layer: picked.value, term, ...(note.trim() ? { note: note.trim() } : {}) },
      'Recording the layer',
    );
  } else entry = parse(layerArgSchema, arg, 'Recording the layer');
  const recordId = await recordLayer(context.graph, {
    ...entry,
    layer: entry.layer as (typeof LAYERS)[number],
    date: entry.date ?? dayOf(today()),
  });
  void context.window.showNotification(
    `Recorded ${entry.term}: ${LAYER_GUIDES[entry.layer as (typeof LAYERS)[number]].label.toLowerCase()}${entry.evidence?.length ? `, with ${entry.evidence.length} piece${entry.evidence.length === 1 ? '' : 's'} of evidence` : ''}.`,
  );
  return recordId;
}

/** Starts a guideline written together: an artifact with a document, the members as co-authors. */
async function runStartCoAuthored(
  context: PluginContext,
  members: JsonValue | undefined,
  title: JsonValue | undefined,
): Promise<string | undefined> {
  const ids = parse(
    z.array(id).min(1, 'must name at least one member').max(50),
    members,
    'Starting an artifact together',
  );
  const found = await context.graph.entities({ ids });
  const people = found.filter((e) => e.kind === 'member');
  if (people.length !== ids.length)
    throw new Error(
      'Starting an artifact together: every co-author must be a member of the community.',
    );
  const name =
    typeof title === 'string' && title.trim()
      ? title.trim()
      : await context.window.showInputBox({
          title: 'What will you write together?',
          value: 'Next guideline (draft)',
        });
  if (!name?.trim()) return undefined;
  const { created } = await context.graph.transact((tx) => {
    const ref = tx.createEntity({
      kind: 'artifact',
      title: name.trim(),
      document: true,
      fields: { type: 'guideline' },
    });
    for (const m of people) tx.link(m.id, 'contributes-to', ref);
  });
  const artifact = created[0] as string;
  await context.window.openEntity(artifact);
  void context.window.showNotification(
    `Started “${name.trim()}” with ${people.map((p) => p.title).join(', ')} as co-authors. Let them know it is waiting for them.`,
  );
  return artifact;
}

/** Registers the plugin's commands. */
export function registerGrowthCommands(context: PluginContext): void {
  context.subscriptions.push(
    context.commands.registerCommand('growth.recordPhase', (arg) => runRecordPhase(context, arg)),
    context.commands.registerCommand('growth.recordLayer', (arg) => runRecordLayer(context, arg)),
    context.commands.registerCommand('growth.startCoAuthored', (members, title) =>
      runStartCoAuthored(context, members, title),
    ),
  );
}
