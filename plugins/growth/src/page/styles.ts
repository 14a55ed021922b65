/** The growth page's and home section's styles, on the workbench's theme variables. */
export const GROWTH_CSS = `
.rp-growth { position:absolute; inset:0; overflow:auto; padding: 20px 28px; color: var(--rp-fg); background: var(--rp-bg); font-size: 14px; }
.rp-growth h1 { margin: 0 0 4px; font-size: 22px; }
.rp-growth h2, .rp-growth-home h2 { margin: 0 0 8px; font-size: 16px; }
.rp-growth h3, .rp-growth-home h3 { margin: 12px 0 4px; font-size: 14px; }
.rp-growth-card, .rp-growth-home { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); padding: 14px 16px; margin: 14px 0; background: var(--rp-bg-elevated, var(--rp-bg)); max-width: 1100px; color: var(--rp-fg); font-size: 14px; }
.rp-growth-note { color: var(--rp-fg-muted); margin: 0 0 8px; }
.rp-growth-empty { color: var(--rp-fg-muted); font-style: italic; }
.rp-growth-error { color: var(--rp-error); }
.rp-growth-list { margin: 0; padding-left: 20px; }
.rp-growth-list li { margin: 6px 0; }
.rp-growth-signal-decisive { font-weight: 600; }
.rp-growth-tag { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 400; background: var(--rp-accent-soft); color: var(--rp-fg); }
.rp-growth-link { background: none; border: none; padding: 0; color: var(--rp-accent); cursor: pointer; font: inherit; text-decoration: underline; text-underline-offset: 2px; }
.rp-growth-link + .rp-growth-link { margin-left: 8px; }
.rp-growth button:focus-visible, .rp-growth-home button:focus-visible, .rp-growth select:focus-visible, .rp-growth input:focus-visible, .rp-growth textarea:focus-visible { outline: 2px solid var(--rp-focus, var(--rp-accent)); outline-offset: 1px; }
.rp-growth-form { display: grid; gap: 8px; max-width: 640px; margin-top: 10px; }
.rp-growth-form label { display: grid; gap: 2px; }
.rp-growth-form textarea { min-height: 52px; font: inherit; }
.rp-growth-form fieldset { border: 1px solid var(--rp-border); border-radius: 4px; padding: 6px 10px; }
.rp-growth-form fieldset label { display: flex; gap: 6px; align-items: baseline; }
.rp-growth-choices { max-height: 180px; overflow: auto; }
.rp-growth-ladder { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.rp-growth-ladder li { border: 1px solid var(--rp-border); border-radius: 4px; padding: 4px 8px; }
.rp-growth-ladder li[aria-current] { background: var(--rp-accent-soft); border-color: var(--rp-accent); font-weight: 600; }
.rp-growth-phases { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.rp-growth-phases li { border: 1px solid var(--rp-border); border-radius: 12px; padding: 2px 10px; }
.rp-growth-phases li[aria-current] { background: var(--rp-accent-soft); border-color: var(--rp-accent); font-weight: 600; }
.rp-growth-step button { margin-left: 6px; }
`;
