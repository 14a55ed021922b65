import type { CustomViewContext, JsonValue, PluginContext } from '@repertoire/plugin-api';
import type { NextStep } from '../nextSteps.ts';

/** What the page's parts need: the API for commands, and the view for opening entities. */
export interface GrowthActions {
  readonly context: Pick<PluginContext, 'commands' | 'window'>;
  readonly view: CustomViewContext;
}

/** A button naming an entity; it opens its page. */
export function EntityLink(props: {
  id: string;
  titles: ReadonlyMap<string, string>;
  view: CustomViewContext;
}) {
  return (
    <button
      type="button"
      className="rp-growth-link"
      onClick={() => props.view.openEntity(props.id)}
    >
      {props.titles.get(props.id) ?? props.id}
    </button>
  );
}

/** Runs a command and shows a failure as a notification (the command reports success itself). */
export function run(
  actions: GrowthActions,
  command: string,
  ...args: JsonValue[]
): Promise<unknown> {
  return actions.context.commands
    .executeCommand(command, ...args)
    .catch((e: Error) => actions.context.window.showNotification(e.message, { severity: 'error' }));
}

/** The next steps, each with the entities behind it and the button that does it. */
export function StepList(props: {
  steps: readonly NextStep[];
  titles: ReadonlyMap<string, string>;
  actions: GrowthActions;
}) {
  const { steps, titles, actions } = props;
  if (steps.length === 0)
    return (
      <p className="rp-growth-empty">
        Nothing pressing: keep meeting, and record this term’s layer below.
      </p>
    );
  return (
    <ul className="rp-growth-list">
      {steps.map((s) => (
        <li key={s.id} className="rp-growth-step" data-step={s.id}>
          {s.text}
          {s.entities.length > 0 ? (
            <div className="rp-growth-note">
              {s.entities.slice(0, 6).map((id) => (
                <EntityLink key={id} id={id} titles={titles} view={actions.view} />
              ))}
            </div>
          ) : null}
          {s.action && !actions.view.readOnly ? (
            <button
              type="button"
              onClick={() => void run(actions, s.action?.command ?? '', ...(s.action?.args ?? []))}
            >
              {s.action.label}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
