import { z } from 'zod';
import { cssColour } from './manifest.ts';

// What a plugin's view (or analysis) sends the workbench, checked before anything renders: the
// shapes of `ViewContent` in `@repertoire/plugin-api` (views.ts, declarativeViews.ts). A sandboxed
// plugin can post anything, so nothing it sends is trusted; limits keep a runaway plugin from
// handing the page a million rows.

const MAX_ITEMS = 5000;
const text = (max = 2000) => z.string().max(max);
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, 'a finite number'),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);
const commandRef = z.strictObject({
  id: z.string().min(1).max(200),
  args: z.array(jsonValue).max(20).optional(),
});

interface TreeItemShape {
  id: string;
  label: string;
  description?: string | undefined;
  icon?: string | undefined;
  entityId?: string | undefined;
  command?: z.infer<typeof commandRef> | undefined;
  children?: TreeItemShape[] | undefined;
}
// The API 1.0 shapes are checked without refusing keys the workbench does not read (plugins
// written before the check may carry some): those are dropped. The 1.4 shapes are strict.
const treeItem: z.ZodType<TreeItemShape> = z.lazy(() =>
  z.object({
    id: text(200),
    label: text(),
    description: text().optional(),
    icon: text(100).optional(),
    entityId: text(200).optional(),
    command: commandRef.optional(),
    children: z.array(treeItem).max(MAX_ITEMS).optional(),
  }),
);

const listItem = z.strictObject({
  id: text(200),
  label: text(),
  description: text().optional(),
  icon: text(100).optional(),
  entityId: text(200).optional(),
  command: commandRef.optional(),
});

const fieldName = /^[A-Za-z_][\w-]*$/;
/** One field of a form view. */
export const formFieldSchema = z
  .strictObject({
    name: z.string().regex(fieldName, 'a field name such as "title" (letters, digits, _ and -)'),
    label: text(200).min(1),
    type: z.enum(['string', 'text', 'number', 'boolean', 'enum', 'date']),
    required: z.boolean().optional(),
    options: z.array(text(200).min(1)).min(1).max(200).optional(),
    default: z.union([text(10_000), z.number().refine(Number.isFinite), z.boolean()]).optional(),
    description: text().optional(),
    placeholder: text(200).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'enum' && !f.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'an enum field lists options' });
    if (f.type !== 'enum' && f.options)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'only an enum field has options',
      });
  });

const chartSeries = z.strictObject({
  label: text(200),
  data: z.array(z.number().refine(Number.isFinite, 'a finite number')).max(MAX_ITEMS),
  colour: z.string().regex(cssColour, 'a CSS colour such as #2a6f97').optional(),
});

/** Every content a view may have: tree, markdown, table (API 1.0) and list, form, chart (1.4). */
export const viewContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tree'), items: z.array(treeItem).max(MAX_ITEMS) }),
  z.object({ type: z.literal('markdown'), markdown: text(200_000) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ key: text(200), label: text(200) })).max(100),
    // A cell left undefined shows empty, as before the check.
    rows: z.array(z.record(z.string(), z.union([jsonValue, z.undefined()]))).max(MAX_ITEMS),
  }),
  z.strictObject({
    type: z.literal('list'),
    items: z.array(listItem).max(MAX_ITEMS),
    emptyText: text().optional(),
  }),
  z
    .strictObject({
      type: z.literal('form'),
      title: text(200).optional(),
      fields: z.array(formFieldSchema).min(1).max(100),
      submitLabel: text(100).optional(),
    })
    .refine((f) => new Set(f.fields.map((x) => x.name)).size === f.fields.length, {
      message: 'each field of a form has its own name',
      path: ['fields'],
    }),
  z
    .strictObject({
      type: z.literal('chart'),
      chart: z.enum(['bar', 'line', 'pie', 'doughnut']),
      title: text(200).optional(),
      labels: z.array(text(200)).max(MAX_ITEMS),
      series: z.array(chartSeries).min(1).max(50),
    })
    .superRefine((c, ctx) => {
      c.series.forEach((s, i) => {
        if (s.data.length !== c.labels.length)
          ctx.addIssue({
            code: 'custom',
            path: ['series', i, 'data'],
            message: `has ${s.data.length} values for ${c.labels.length} labels`,
          });
      });
    }),
]);

/** A checked view content. */
export type CheckedViewContent = z.infer<typeof viewContentSchema>;
/** A checked form field. */
export type CheckedFormField = z.infer<typeof formFieldSchema>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The schema of a form's submitted values, built from its fields: each value of its field's type
 * (a date as `YYYY-MM-DD`, an enum among its options, a number within its bounds), `null` for an
 * empty optional field, no other keys.
 */
export function formValuesSchema(fields: readonly CheckedFormField[]) {
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const f of fields) {
    let value: z.ZodType<unknown>;
    if (f.type === 'boolean') value = z.boolean();
    else if (f.type === 'number') {
      let n = z.number().refine(Number.isFinite, 'a finite number');
      if (f.min !== undefined) n = n.refine((v) => v >= (f.min as number), `at least ${f.min}`);
      if (f.max !== undefined) n = n.refine((v) => v <= (f.max as number), `at most ${f.max}`);
      value = n;
    } else if (f.type === 'enum')
      value = z.enum(f.options as [string, ...string[]], {
        error: `one of ${f.options?.join(', ')}`,
      });
    else if (f.type === 'date') value = z.string().regex(isoDate, 'a date as YYYY-MM-DD');
    else
      value = f.required
        ? z
            .string()
            .max(10_000)
            .refine((v) => v.trim() !== '', 'required')
        : z.string().max(10_000);
    shape[f.name] = f.required || f.type === 'boolean' ? value : value.nullable();
  }
  return z.strictObject(shape);
}
