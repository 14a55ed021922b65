import type { EditorThemeClasses } from 'lexical';

/** Class names the editor's nodes render with; styled by {@link EDITOR_CSS}. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'rp-p',
  quote: 'rp-quote',
  heading: { h1: 'rp-h1', h2: 'rp-h2', h3: 'rp-h3' },
  list: {
    ul: 'rp-ul',
    ol: 'rp-ol',
    checklist: 'rp-check',
    listitem: 'rp-li',
    listitemChecked: 'rp-checked',
    listitemUnchecked: 'rp-check-item',
    nested: { listitem: 'rp-nested' },
  },
  link: 'rp-link',
  code: 'rp-code',
  table: 'rp-table',
  tableCell: 'rp-td',
  tableCellHeader: 'rp-th',
  text: {
    bold: 'rp-bold',
    italic: 'rp-italic',
    underline: 'rp-underline',
    strikethrough: 'rp-strike',
    underlineStrikethrough: 'rp-underline-strike',
    code: 'rp-inline-code',
  },
};
