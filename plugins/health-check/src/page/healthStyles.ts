/** The Health check page's styles, on the workbench's theme variables. */
export const HEALTH_CSS = `
.rp-health { position:absolute; inset:0; overflow:auto; padding: 20px 28px; color: var(--rp-fg); background: var(--rp-bg); font-size: 14px; }
.rp-health > * { max-width: 1000px; }
.rp-health h1 { margin: 0 0 4px; font-size: 22px; }
.rp-health h2 { margin: 0 0 8px; font-size: 16px; }
.rp-health h3 { margin: 0 0 4px; font-size: 15px; }
.rp-health h4 { margin: 8px 0 2px; font-size: 13px; }
.rp-health-lead { margin: 0 0 4px; }
.rp-health-source { color: var(--rp-fg-muted); font-size: 12px; margin: 0 0 12px; }
.rp-health-section { margin: 18px 0; }
.rp-health-card { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); padding: 14px 16px; margin: 10px 0; background: var(--rp-bg-elevated, var(--rp-bg)); }
.rp-health-note { color: var(--rp-fg-muted); margin: 0 0 8px; }
.rp-health-empty { color: var(--rp-fg-muted); font-style: italic; }
.rp-health-error { color: var(--rp-error); }
.rp-health-saved { color: var(--rp-success); }
.rp-health-badge { font-size: 11px; font-weight: normal; padding: 1px 6px; border-radius: 8px; border: 1px solid var(--rp-border); color: var(--rp-fg-muted); }
.rp-health-chart { position: relative; height: 320px; max-width: 560px; }
.rp-health-trend { max-width: 900px; height: 280px; }
.rp-health-element { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); margin: 0 0 10px; padding: 8px 12px; }
.rp-health-element-name { font-weight: 600; padding: 0 4px; }
.rp-health-question { color: var(--rp-fg-muted); margin: 0 0 4px; }
.rp-health-scale { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0; }
.rp-health-score { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.rp-health-comment, .rp-health-question-edit, .rp-health-row label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--rp-fg-muted); }
.rp-health textarea, .rp-health input:not([type]), .rp-health input[type=number], .rp-health select { font: inherit; color: var(--rp-fg); background: var(--rp-bg-input, var(--rp-bg)); border: 1px solid var(--rp-border-strong, var(--rp-border)); border-radius: 4px; padding: 4px 6px; }
.rp-health textarea { width: 100%; box-sizing: border-box; resize: vertical; }
.rp-health-question-edit { margin: 6px 0; }
.rp-health-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 12px; margin: 6px 0; }
.rp-health-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 8px 0; }
.rp-health button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid var(--rp-border); background: var(--rp-bg-hover, var(--rp-bg)); color: var(--rp-fg); cursor: pointer; }
.rp-health button[type=submit] { background: var(--rp-accent); color: var(--rp-accent-fg, #fff); border-color: var(--rp-accent); }
.rp-health button:disabled { opacity: .6; cursor: default; }
.rp-health button:focus-visible, .rp-health input:focus-visible, .rp-health textarea:focus-visible, .rp-health select:focus-visible, .rp-health summary:focus-visible { outline: 2px solid var(--rp-focus, var(--rp-accent)); outline-offset: 1px; }
.rp-health-table { border-collapse: collapse; margin: 10px 0; font-size: 13px; }
.rp-health-table caption { text-align: left; color: var(--rp-fg-muted); font-size: 12px; padding-bottom: 4px; }
.rp-health-table th, .rp-health-table td { border: 1px solid var(--rp-border); padding: 3px 8px; text-align: left; }
.rp-health-num { font-variant-numeric: tabular-nums; }
.rp-health-up { color: var(--rp-success); }
.rp-health-down { color: var(--rp-error); }
.rp-health-comments ul { margin: 2px 0; padding-left: 20px; }
`;
