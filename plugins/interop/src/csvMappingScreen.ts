import { type CsvMapping, type CsvValueType, previewCsv, withPosition } from '@repertoire/interop';
import type {
  CustomViewElement,
  CustomViewProvider,
  Disposable,
  EntityKindInfo,
} from '@repertoire/plugin-api';
import {
  type ColumnUse,
  guessChoices,
  type MappingChoices,
  readWithChoices,
} from './csvMapping.ts';

/** A sheet waiting for its mapping, and who waits for the answer. */
interface PendingSheet {
  name: string;
  text: string;
  kinds: readonly EntityKindInfo[];
  choices: MappingChoices;
  answer(mapping: CsvMapping | undefined): void;
}

const USES: { value: string; label: string }[] = [
  { value: 'title', label: 'Title' },
  { value: 'kind', label: 'Kind' },
  { value: 'id', label: 'Id (matches rows on re-import)' },
  { value: 'field:string', label: 'Field: text' },
  { value: 'field:number', label: 'Field: number' },
  { value: 'field:boolean', label: 'Field: yes/no' },
  { value: 'field:list', label: 'Field: list (split on ;)' },
  { value: 'relation', label: 'Relation to the rows it names' },
  { value: 'skip', label: 'Leave out' },
];

const CSS = `
.rp-interop-csv { padding: var(--rp-space-4, 16px); overflow: auto; position: absolute; inset: 0; color: var(--rp-fg); }
.rp-interop-csv h2 { margin: 0 0 8px; font-size: 18px; }
.rp-interop-csv h3 { margin: 20px 0 8px; font-size: 14px; }
.rp-interop-csv table { border-collapse: collapse; width: 100%; max-width: 960px; }
.rp-interop-csv th, .rp-interop-csv td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rp-border); vertical-align: top; }
.rp-interop-csv select, .rp-interop-csv input { font: inherit; color: inherit; background: var(--rp-bg); border: 1px solid var(--rp-border); border-radius: 4px; padding: 2px 4px; }
.rp-interop-csv .rp-interop-problems li { color: var(--rp-fg); }
.rp-interop-csv .rp-interop-stop { color: var(--rp-error); font-weight: 600; }
.rp-interop-csv .rp-interop-actions { display: flex; gap: 8px; margin-top: 20px; }
`;

/**
 * The mapping step of a spreadsheet import: a tab where the member says which column is the
 * title, the kind, the id, a field or a relation, guessed from the header, with a preview of the
 * first rows and the problems by row. Nothing changes here: the answer goes on to the usual
 * import preview.
 */
export function createCsvMappingScreen(chooseSheet: () => void): CustomViewProvider & {
  ask(
    sheet: Omit<PendingSheet, 'answer' | 'choices'>,
    kind: string,
  ): Promise<CsvMapping | undefined>;
} {
  let pending: PendingSheet | undefined;
  const rerenders = new Set<() => void>();
  const rerender = () => {
    for (const r of rerenders) r();
  };
  return {
    ask(sheet, kind) {
      pending?.answer(undefined);
      return new Promise((resolve) => {
        pending = {
          ...sheet,
          choices: guessChoices(previewCsv(sheet.text, 0).columns, kind),
          answer: (mapping) => {
            pending = undefined;
            resolve(mapping);
            rerender();
          },
        };
        rerender();
      });
    },
    mount(element: CustomViewElement): Disposable {
      const root = document.createElement('div');
      root.className = 'rp-interop-csv';
      const style = document.createElement('style');
      style.textContent = CSS;
      const body = document.createElement('div');
      root.append(style, body);
      (element as HTMLElement).append(root);
      const render = () => renderScreen(body, pending, chooseSheet, rerender);
      rerenders.add(render);
      render();
      return {
        dispose() {
          rerenders.delete(render);
          root.remove();
        },
      };
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function renderScreen(
  body: HTMLElement,
  sheet: PendingSheet | undefined,
  chooseSheet: () => void,
  rerender: () => void,
): void {
  // Keep the focused control focused across a re-render, so the keyboard never loses its place.
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  body.replaceChildren();
  if (!sheet) {
    const choose = el('button', {
      type: 'button',
      className: 'rp-button',
      textContent: 'Choose a spreadsheet…',
    });
    choose.addEventListener('click', chooseSheet);
    body.append(
      el('h2', { textContent: 'Import a spreadsheet' }),
      el('p', {
        textContent:
          'Nothing to map yet. Choose a CSV file with a header row: you will say what each column holds, see the first rows, and only then import.',
      }),
      choose,
    );
    return;
  }
  const { choices } = sheet;
  const heading = el('h2', {
    id: 'rp-interop-csv-title',
    textContent: `Map the columns of ${sheet.name}`,
  });
  body.setAttribute('role', 'region');
  body.setAttribute('aria-labelledby', heading.id);
  const kindSelect = el('select', { id: 'rp-interop-csv-kind' });
  for (const k of sheet.kinds)
    kindSelect.append(el('option', { value: k.kind, textContent: k.label }));
  kindSelect.value = choices.kind;
  kindSelect.addEventListener('change', () => {
    choices.kind = kindSelect.value;
    rerender();
  });
  const kindLabel = el('label', {
    htmlFor: kindSelect.id,
    textContent: 'Kind of rows without a kind column ',
  });

  const columnRows = choices.columns.map((choice, i) => {
    const use = el('select', { id: `rp-interop-csv-use-${i}` });
    use.setAttribute('aria-label', `Use of column ${choice.column}`);
    for (const u of USES) use.append(el('option', { value: u.value, textContent: u.label }));
    use.value = choice.use === 'field' ? `field:${choice.type ?? 'string'}` : choice.use;
    use.addEventListener('change', () => {
      const [what, type] = use.value.split(':') as [ColumnUse, CsvValueType | undefined];
      choice.use = what;
      if (type) choice.type = type;
      if (what === 'relation' && !choice.name) choice.name = choice.column.trim().toLowerCase();
      rerender();
    });
    const name = el('input', { id: `rp-interop-csv-name-${i}`, value: choice.name ?? '' });
    const named = choice.use === 'field' || choice.use === 'relation';
    name.setAttribute(
      'aria-label',
      choice.use === 'relation'
        ? `Relation type of column ${choice.column}`
        : `Field name of column ${choice.column}`,
    );
    name.addEventListener('change', () => {
      choice.name = name.value;
      rerender();
    });
    return el(
      'tr',
      {},
      el('th', { scope: 'row', textContent: choice.column }),
      el('td', {}, use),
      el('td', {}, ...(named ? [name] : [])),
    );
  });
  const columnsTable = el(
    'table',
    {},
    el('caption', { className: 'rp-sr-only', textContent: 'What each column holds' }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', textContent: 'Column' }),
        el('th', { scope: 'col', textContent: 'Use as' }),
        el('th', { scope: 'col', textContent: 'Field or relation name' }),
      ),
    ),
    el('tbody', {}, ...columnRows),
  );

  const read = readWithChoices(sheet.text, choices);
  const preview = el('section', { ariaLabel: 'Preview of the first rows' });
  preview.append(el('h3', { textContent: 'The first rows, as they would come in' }));
  const problems = el('section', { ariaLabel: 'Problems by row' });
  problems.append(el('h3', { textContent: 'Problems by row' }));
  const go = el('button', {
    type: 'button',
    className: 'rp-button',
    textContent: 'Continue to the import preview',
  });
  if ('problem' in read) {
    preview.append(el('p', { className: 'rp-interop-stop', textContent: read.problem }));
    problems.append(el('p', { textContent: 'Fix the mapping above first.' }));
    go.disabled = true;
  } else {
    const { result, mapping } = read;
    const rows = result.graph.entities.slice(0, 5).map((e) => {
      const fields = Object.entries(e.fields).map(
        ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`,
      );
      const links = result.graph.relations
        .filter((r) => r.from === e.id)
        .map((r) => {
          const to = result.graph.entities.find((x) => x.id === r.to)?.title ?? r.to;
          return `${r.type} → ${to}`;
        });
      return el(
        'tr',
        {},
        el('td', { textContent: e.title }),
        el('td', { textContent: e.kind }),
        el('td', { textContent: fields.join('; ') }),
        el('td', { textContent: links.join('; ') }),
      );
    });
    preview.append(
      el('p', {
        textContent: `${result.graph.entities.length} rows would become entities and ${result.graph.relations.length} relations.`,
      }),
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...['Title', 'Kind', 'Fields', 'Relations'].map((h) =>
              el('th', { scope: 'col', textContent: h }),
            ),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
    );
    const listed = [
      ...result.issues.map((i) => withPosition(i.message, i)),
      ...result.unresolved.map((u) => withPosition(`'${u.target}' names no row`, u)),
    ];
    problems.append(
      listed.length
        ? el(
            'ul',
            { className: 'rp-interop-problems' },
            ...listed.slice(0, 100).map((m) => el('li', { textContent: m })),
          )
        : el('p', { textContent: 'No problems: every row can come in.' }),
    );
    go.addEventListener('click', () => sheet.answer(mapping));
  }
  const cancel = el('button', {
    type: 'button',
    className: 'rp-button rp-button-secondary',
    textContent: 'Cancel',
  });
  cancel.addEventListener('click', () => sheet.answer(undefined));
  body.append(
    heading,
    el('p', {
      textContent:
        'Each row becomes one entity. Say what each column holds; the preview follows your choices. Nothing changes until you import.',
    }),
    el('p', {}, kindLabel, kindSelect),
    columnsTable,
    preview,
    problems,
    el('div', { className: 'rp-interop-actions' }, go, cancel),
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
}
