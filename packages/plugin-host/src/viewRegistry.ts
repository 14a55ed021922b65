import {
  type Disposable,
  Emitter,
  type FormSubmitResult,
  type FormValues,
  toDisposable,
  type ViewContent,
} from '@repertoire/plugin-api';
import { formValuesSchema, ValidationError, viewContentSchema } from '@repertoire/schema';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** Resolves a view's content; sandboxed plugins forward over messages. */
export type HostViewResolver = () => Promise<ViewContent>;
/** Hands a form view's checked values to its plugin (since API 1.4). */
export type HostViewSubmitter = (values: FormValues) => Promise<void | FormSubmitResult>;

/**
 * Checks what a plugin sent as a view's (or an analysis's) content, so garbage never reaches the
 * workbench's renderers: throws an error that names the view and the first offending field.
 */
export function checkViewContent(what: string, content: unknown): ViewContent {
  const result = viewContentSchema.safeParse(content);
  if (result.success) return result.data as ViewContent;
  const problem = ValidationError.fromZod(result.error, 'content');
  throw new Error(`${what} sent content the workbench cannot show: ${problem.message}.`);
}

interface ProviderEntry {
  pluginId: string;
  resolve: HostViewResolver;
  submit: HostViewSubmitter | undefined;
  /** The form it showed last: submitted values are checked against its fields. */
  form?: Extract<ViewContent, { type: 'form' }>;
}

/** View content providers by view id; the workbench resolves views through it. */
export class ViewRegistry {
  readonly #providers = new Map<string, ProviderEntry>();
  readonly #onDidChangeView = new Emitter<string>();
  /** Fires with a view id when its content should be resolved again. */
  readonly onDidChangeView = this.#onDidChangeView.event;

  /** Registers a provider; one per view. */
  register(
    viewId: string,
    pluginId: string,
    resolve: HostViewResolver,
    submit?: HostViewSubmitter,
  ): Disposable {
    const existing = this.#providers.get(viewId);
    if (existing)
      throw new DuplicateContributionError(
        'a provider for view',
        viewId,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry: ProviderEntry = { pluginId, resolve, submit };
    this.#providers.set(viewId, entry);
    this.#onDidChangeView.fire(viewId);
    return toDisposable(() => {
      if (this.#providers.get(viewId) === entry) {
        this.#providers.delete(viewId);
        this.#onDidChangeView.fire(viewId);
      }
    });
  }

  /** Whether a view has a provider. */
  has(viewId: string): boolean {
    return this.#providers.has(viewId);
  }

  /** Asks the provider for the view's content, checked against the view content schema. */
  async resolve(viewId: string): Promise<ViewContent> {
    const entry = this.#providers.get(viewId);
    if (!entry) throw new Error(`View ${viewId} has no provider.`);
    const content = checkViewContent(
      `Plugin ${entry.pluginId}'s view ${viewId}`,
      await entry.resolve(),
    );
    if (content.type === 'form') entry.form = content;
    else delete entry.form;
    return content;
  }

  /**
   * Submits a form view: checks `values` against the fields of the form the view showed last and
   * hands them to the plugin. Rejects, changing nothing, for values that do not fit, a view that
   * shows no form, or a plugin without `submit`.
   */
  async submit(viewId: string, values: unknown): Promise<void | FormSubmitResult> {
    const entry = this.#providers.get(viewId);
    if (!entry) throw new Error(`View ${viewId} has no provider.`);
    if (!entry.form) throw new Error(`View ${viewId} shows no form to submit.`);
    if (!entry.submit)
      throw new Error(`Plugin ${entry.pluginId} gave view ${viewId} a form but no submit.`);
    const parsed = formValuesSchema(entry.form.fields as never).safeParse(values);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const result = await entry.submit(parsed.data as FormValues);
    if (result === undefined || result === null) return undefined;
    const message = (result as { message?: unknown }).message;
    if (message !== undefined && typeof message !== 'string')
      throw new Error(
        `Plugin ${entry.pluginId}'s submit of view ${viewId} answered a message that is not text.`,
      );
    return message === undefined ? {} : { message: message.slice(0, 2000) };
  }

  /** Signals that a view's content changed. */
  changed(viewId: string): void {
    this.#onDidChangeView.fire(viewId);
  }

  /** How many providers are registered (for leak checks). */
  get size(): number {
    return this.#providers.size;
  }
}
