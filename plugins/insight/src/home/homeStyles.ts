/** The Community page's styles, on the workbench's theme variables. */
export const HOME_CSS = `
.rp-insight { position:absolute; inset:0; overflow:auto; padding: 20px 28px; color: var(--rp-fg); background: var(--rp-bg); font-size: 14px; }
.rp-insight h1 { margin: 0 0 4px; font-size: 22px; }
.rp-insight h2 { margin: 0 0 8px; font-size: 16px; }
.rp-insight h3 { margin: 12px 0 4px; font-size: 14px; }
.rp-insight-card { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); padding: 14px 16px; margin: 14px 0; background: var(--rp-bg-elevated, var(--rp-bg)); max-width: 1100px; }
.rp-insight-note { color: var(--rp-fg-muted); margin: 0 0 8px; }
.rp-insight-empty { color: var(--rp-fg-muted); font-style: italic; }
.rp-insight-warning { color: var(--rp-warning); }
.rp-insight-error { color: var(--rp-error); }
.rp-insight-chart { position: relative; height: 260px; }
.rp-insight-link { background: none; border: none; padding: 0; color: var(--rp-accent); cursor: pointer; font: inherit; text-decoration: underline; text-underline-offset: 2px; }
.rp-insight-link + .rp-insight-link { margin-left: 8px; }
.rp-insight-link:focus-visible, .rp-insight button:focus-visible, .rp-insight select:focus-visible { outline: 2px solid var(--rp-focus, var(--rp-accent)); outline-offset: 1px; }
.rp-insight-list { margin: 0; padding-left: 20px; }
.rp-insight-list li { margin: 6px 0; }
.rp-insight-next { color: var(--rp-fg-muted); margin-top: 2px; }
.rp-insight-next button, .rp-insight-identity button { margin-left: 6px; }
.rp-insight-evidence { color: var(--rp-fg-faint); font-size: 12px; }
.rp-insight-num { font-variant-numeric: tabular-nums; font-family: var(--rp-font-mono, monospace); }
.rp-insight-grid-scroll { overflow-x: auto; }
.rp-insight-grid { border-collapse: collapse; font-size: 12px; }
.rp-insight-grid th, .rp-insight-grid td { border: 1px solid var(--rp-border); padding: 2px 6px; text-align: center; }
.rp-insight-grid th[scope=row] { text-align: left; white-space: nowrap; }
.rp-insight-here { background: var(--rp-accent-soft); }
.rp-insight-before { background: var(--rp-bg-hover); }
.rp-insight-mark { background: none; border: none; color: var(--rp-accent); cursor: pointer; padding: 0; }
.rp-insight-level { display: inline-block; padding: 0 6px; margin: 0 2px; border-radius: 8px; font-size: 12px; color: #fff; }
.rp-insight-level-core { background: #2a6f97; } .rp-insight-level-active { background: #61a5c2; }
.rp-insight-level-peripheral { background: #e09f3e; } .rp-insight-level-inactive { background: #8a929b; }
.rp-insight-asof { margin-top: 6px; }
.rp-insight-asof input { font: inherit; }
.rp-insight-past { color: var(--rp-warning); }
.rp-insight-compare { border-collapse: collapse; }
.rp-insight-compare th, .rp-insight-compare td { border-bottom: 1px solid var(--rp-border); padding: 3px 12px; text-align: left; font-variant-numeric: tabular-nums; }
.rp-insight-compare .rp-insight-link + .rp-insight-link { margin-left: 6px; }
`;
