import type { JsonValue } from './json.ts';

// Declarative views (since API 1.4): a plugin describes a list, a form or a chart as plain data and
// the workbench renders it with its own components, so a sandboxed plugin (a Worker, no DOM) gets
// real UI without writing markup. The host checks every value with a schema before it is shown;
// content that does not match shows a clear error in the view and the workbench carries on.

/** A row of a list view (since 1.4). */
export interface ListItem {
  /** Stable id within the view. */
  readonly id: string;
  /** The text shown. */
  readonly label: string;
  /** Dimmer text after the label. */
  readonly description?: string;
  /** Icon name (the workbench's icon set, e.g. `person`, `book`, `calendar`). */
  readonly icon?: string;
  /** The entity this row stands for: activating the row opens it (unless `command` is set). */
  readonly entityId?: string;
  /** A command to run when the row is activated, with serializable arguments. */
  readonly command?: { readonly id: string; readonly args?: readonly JsonValue[] };
}

/** A flat list of rows, each with a label, description, icon and action (since 1.4). */
export interface ListViewContent {
  readonly type: 'list';
  readonly items: readonly ListItem[];
  /** What the view says when `items` is empty (say what to do next). */
  readonly emptyText?: string;
}

/** The kinds of form fields the workbench renders (since 1.4). */
export type FormFieldType = 'string' | 'text' | 'number' | 'boolean' | 'enum' | 'date';

/** One field of a form view (since 1.4). */
export interface FormField {
  /** The key of this field's value in the submitted {@link FormValues}. */
  readonly name: string;
  /** The field's label. */
  readonly label: string;
  /** `string` one line, `text` several, `number`, `boolean` a checkbox, `enum` a choice, `date` `YYYY-MM-DD`. */
  readonly type: FormFieldType;
  /** Whether the form refuses to submit without it (not for `boolean`). */
  readonly required?: boolean;
  /** The choices of an `enum` field. */
  readonly options?: readonly string[];
  /** The initial value. */
  readonly default?: string | number | boolean;
  /** Help shown under the field. */
  readonly description?: string;
  /** Placeholder text of a `string`, `text` or `number` field. */
  readonly placeholder?: string;
  /** Bounds of a `number` field. */
  readonly min?: number;
  readonly max?: number;
}

/** A form: fields from a small schema and a submit button (since 1.4). */
export interface FormViewContent {
  readonly type: 'form';
  /** A heading above the fields. */
  readonly title?: string;
  readonly fields: readonly FormField[];
  /** The submit button's text; `Submit` by default. */
  readonly submitLabel?: string;
}

/**
 * What a form hands its plugin's {@link ViewProvider.submit}: each field's value by name, checked
 * by the host against the fields (types, required, options, bounds). An empty optional field is
 * `null`.
 */
export type FormValues = Readonly<Record<string, string | number | boolean | null>>;

/** What `submit` may answer: a confirmation shown under the form (since 1.4). */
export interface FormSubmitResult {
  readonly message?: string;
}

/** One series of a chart: a value per label (since 1.4). */
export interface ChartSeries {
  readonly label: string;
  readonly data: readonly number[];
  /** A CSS colour; the workbench picks one when omitted. */
  readonly colour?: string;
}

/** A chart drawn by the workbench's charting library (Chart.js) (since 1.4). */
export interface ChartViewContent {
  readonly type: 'chart';
  /** `bar`, `line`, `pie` or `doughnut`. */
  readonly chart: 'bar' | 'line' | 'pie' | 'doughnut';
  /** A heading above the chart; also the chart's accessible name. */
  readonly title?: string;
  /** The categories along the x axis (or the slices of a pie). */
  readonly labels: readonly string[];
  /** Each series has one value per label. */
  readonly series: readonly ChartSeries[];
}

/** The declarative views: list, form and chart (since 1.4). */
export type DeclarativeViewContent = ListViewContent | FormViewContent | ChartViewContent;
