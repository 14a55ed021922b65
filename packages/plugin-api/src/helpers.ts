import type { PluginContext } from './context.ts';
import type { JsonValue } from './json.ts';
import { compareEntities } from './naturalOrder.ts';

/**
 * Lets the user pick an entity of a kind by title (a quick pick over the graph); resolves with its
 * id, or undefined when cancelled. Needs `graph.read`.
 */
export async function pickEntity(
  context: Pick<PluginContext, 'graph' | 'window'>,
  options: { kind: string; title?: string; placeholder?: string; exclude?: string[] },
): Promise<string | undefined> {
  const exclude = new Set(options.exclude ?? []);
  const entities = (await context.graph.entities({ kind: options.kind })).filter(
    (e) => !exclude.has(e.id),
  );
  const picked = await context.window.showQuickPick(
    // Meetings newest first, titles in natural order ("Meeting 2" before "Meeting 10").
    entities.sort(compareEntities).map((e) => {
      const date = typeof e.fields.date === 'string' ? e.fields.date.slice(0, 10) : undefined;
      return { label: e.title, value: e.id, ...(date ? { description: date } : {}) };
    }),
    {
      ...(options.title ? { title: options.title } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    },
  );
  return picked?.value;
}

/**
 * Returns `given` when it is a non-empty string (a command called with arguments), otherwise asks
 * the user with `ask` (a command run from the palette).
 */
export async function argOrAsk(
  given: JsonValue | undefined,
  ask: () => Promise<string | undefined>,
): Promise<string | undefined> {
  return typeof given === 'string' && given.length > 0 ? given : ask();
}

/** How one end of a {@link linkCommand} is asked for when its argument is not given. */
export interface LinkEndOptions {
  readonly kind: string;
  readonly title?: string;
  readonly placeholder?: string;
}

/**
 * A command handler that links two entities (since 1.5): its first two arguments are the ends'
 * ids, and each one not given is picked among the entities of its kind ({@link pickEntity}); the
 * relation is `type`, or what `type` makes of the arguments after the ends (e.g. `expert` →
 * `is-expert-in`). Resolves whether it linked (false when the member dismissed a pick). Needs
 * `graph.read` and `graph.write`.
 */
export function linkCommand(
  context: Pick<PluginContext, 'graph' | 'window'>,
  from: LinkEndOptions,
  to: LinkEndOptions,
  type: string | ((...rest: (JsonValue | undefined)[]) => string),
): (fromId?: JsonValue, toId?: JsonValue, ...rest: (JsonValue | undefined)[]) => Promise<boolean> {
  return async (fromId, toId, ...rest) => {
    const a = await argOrAsk(fromId, () => pickEntity(context, from));
    const b = a ? await argOrAsk(toId, () => pickEntity(context, to)) : undefined;
    if (!a || !b) return false;
    const relation = typeof type === 'string' ? type : type(...rest);
    await context.graph.transact((tx) => tx.link(a, relation, b));
    return true;
  };
}
