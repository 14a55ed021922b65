/**
 * The explorer's styles. Colours come from the workbench's CSS variables when present (so the
 * light and dark themes apply), with readable fallbacks for each theme when the component runs
 * on its own. Every surface and its text come from the same theme: a control never takes its
 * text from the page and its background from a fallback (white on white in the dark theme).
 */
export const EXPLORER_CSS = `
.rg-explorer { --rg-fg: var(--rp-fg, #1f2937); --rg-bg: var(--rp-bg, #ffffff);
  --rg-control: var(--rp-bg-input, #ffffff); --rg-hover: var(--rp-bg-hover, #eef2ff);
  --rg-border: var(--rp-border, #e5e7eb); --rg-border-strong: var(--rp-border-strong, #d1d5db);
  --rg-accent: var(--rp-accent, #4f46e5); --rg-accent-soft: var(--rp-accent-soft, #e0e7ff);
  --rg-elevated: var(--rp-bg-elevated, #ffffff);
  position: relative; display: flex; flex-direction: column; height: 100%; min-height: 0;
  font: 13px/1.4 Inter, system-ui, sans-serif; color: var(--rg-fg); background: var(--rg-bg); }
.rg-explorer.rg-dark { --rg-fg: var(--rp-fg, #e5e7eb); --rg-bg: var(--rp-bg, #0f172a);
  --rg-control: var(--rp-bg-input, #1e293b); --rg-hover: var(--rp-bg-hover, #334155);
  --rg-border: var(--rp-border, #334155); --rg-border-strong: var(--rp-border-strong, #475569);
  --rg-accent: var(--rp-accent, #818cf8); --rg-accent-soft: var(--rp-accent-soft, #312e81);
  --rg-elevated: var(--rp-bg-elevated, #1e293b); color-scheme: dark; }
.rg-explorer *, .rg-explorer *::before, .rg-explorer *::after { box-sizing: border-box; }
.rg-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px;
  border-bottom: 1px solid var(--rg-border); }
.rg-toolbar button, .rg-timebar button, .rg-status button, .rg-toolbar select { font: inherit;
  padding: 3px 8px; border: 1px solid var(--rg-border-strong); border-radius: 6px;
  background: var(--rg-control); color: var(--rg-fg); cursor: pointer; }
.rg-toolbar button:hover, .rg-timebar button:hover, .rg-status button:hover { background: var(--rg-hover); }
.rg-toolbar button:disabled, .rg-timebar button:disabled { cursor: default; opacity: .6; }
.rg-toolbar button:focus-visible, .rg-toolbar select:focus-visible, .rg-timebar :focus-visible,
.rg-side input:focus-visible { outline: 2px solid var(--rg-accent); outline-offset: 1px; }
.rg-toolbar button[aria-pressed="true"] { background: var(--rg-accent-soft); }
.rg-toolbar label { display: inline-flex; gap: 4px; align-items: center; }
.rg-search { position: relative; }
.rg-search input { width: 200px; padding: 4px 8px; border: 1px solid var(--rg-border-strong);
  border-radius: 6px; font: inherit; background: var(--rg-control); color: var(--rg-fg); }
.rg-hits { position: absolute; z-index: 5; top: 100%; left: 0; right: 0; margin: 2px 0 0; padding: 2px;
  display: flex; flex-direction: column; background: var(--rg-elevated); border: 1px solid var(--rg-border-strong);
  border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 12%); }
.rg-hits button { display: flex; gap: 6px; align-items: center; padding: 3px 6px; border: 0;
  border-radius: 4px; background: transparent; color: var(--rg-fg); font: inherit; text-align: left; cursor: pointer; }
.rg-hits button:first-child, .rg-hits button:hover { background: var(--rg-hover); }
.rg-sep { width: 1px; align-self: stretch; background: var(--rg-border); }
.rg-main { position: relative; flex: 1; min-height: 0; display: flex; overflow: hidden; }
.rg-side, .rg-timebar { margin: 0; border: 0; min-width: 0; }
.rg-side { position: relative; z-index: 1; flex: none; width: 180px; overflow: auto; padding: 8px;
  border-right: 1px solid var(--rg-border); background: var(--rg-bg); }
.rg-side h3 { margin: 8px 0 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .05em;
  opacity: .8; }
.rg-legend ul, .rg-legend ol { margin: 0; padding: 0 0 0 2px; list-style: none; }
.rg-legend li { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; padding: 1px 0; }
.rg-legend button { font: inherit; padding: 0; border: 0; background: none; color: var(--rg-accent); cursor: pointer; text-align: left; }
.rg-legend .rg-count, .rg-legend .rg-why, .rg-legend .rg-empty { color: var(--rg-muted, #64748b); font-size: 11px; }
.rg-legend .rg-why { flex-basis: 100%; }
.rg-side label { display: flex; gap: 6px; align-items: center; padding: 1px 0; cursor: pointer; }
.rg-side .rg-mode { display: block; }
.rg-side .rg-heading { display: block; margin: 0 0 4px; font-size: 11px; font-weight: 700;
  text-transform: uppercase; letter-spacing: .05em; opacity: .8; }
.rg-side select { width: 100%; font: inherit; padding: 3px 6px; border: 1px solid var(--rg-border-strong);
  border-radius: 6px; background: var(--rg-control); color: var(--rg-fg); }
.rg-dot { width: 10px; height: 10px; border-radius: 50%; flex: none; }
.rg-canvas { position: relative; flex: 1; min-width: 0; outline: none; overflow: hidden; }
.rg-canvas:focus-visible { box-shadow: inset 0 0 0 2px var(--rg-accent); }
.rg-card { position: absolute; z-index: 4; pointer-events: none; min-width: 160px; padding: 8px 10px;
  border-radius: 8px; background: var(--rg-elevated); color: var(--rg-fg); border: 1px solid var(--rg-border);
  box-shadow: 0 8px 24px rgb(0 0 0 / 14%); }
.rg-card strong { display: block; font-size: 14px; }
.rg-card span { opacity: .8; }
.rg-timebar { display: flex; gap: 8px; align-items: center; padding: 6px 8px;
  border-top: 1px solid var(--rg-border); }
.rg-timebar input { color: var(--rg-fg); background: var(--rg-control); border: 1px solid var(--rg-border-strong);
  border-radius: 6px; font: inherit; }
.rg-timebar input[type="range"] { flex: 1; border: 0; background: transparent; accent-color: var(--rg-accent); }
.rg-status { display: flex; gap: 10px; align-items: center; min-height: 24px; padding: 2px 8px; font-size: 12px;
  border-top: 1px solid var(--rg-border); }
.rg-status progress { width: 120px; }
.rg-explorer .rg-legend-added { color: #15803d; } .rg-explorer .rg-legend-removed { color: #b91c1c; }
.rg-explorer.rg-dark .rg-legend-added { color: #4ade80; } .rg-explorer.rg-dark .rg-legend-removed { color: #f87171; }
`;
