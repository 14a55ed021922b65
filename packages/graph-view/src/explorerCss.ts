/**
 * The explorer's styles. Colours come from the workbench's CSS variables when present (so the
 * light and dark themes apply), with readable fallbacks when the component runs on its own.
 */
export const EXPLORER_CSS = `
.rg-explorer { position: relative; display: flex; flex-direction: column; height: 100%; min-height: 0;
  font: 13px/1.4 Inter, system-ui, sans-serif; color: var(--rp-fg, #1f2937);
  background: var(--rp-bg, #ffffff); }
.rg-explorer.rg-dark { color: var(--rp-fg, #e5e7eb); background: var(--rp-bg, #0f172a); }
.rg-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px;
  border-bottom: 1px solid var(--rp-border, #e5e7eb); }
.rg-toolbar button, .rg-timebar button, .rg-card button, .rg-status button { font: inherit;
  padding: 3px 8px; border: 1px solid var(--rp-border, #d1d5db); border-radius: 6px;
  background: var(--rp-button-bg, #f9fafb); color: inherit; cursor: pointer; }
.rg-toolbar button:hover { background: var(--rp-hover, #eef2ff); }
.rg-toolbar button[aria-pressed="true"] { background: var(--rp-accent-soft, #e0e7ff); }
.rg-search { position: relative; }
.rg-search input { width: 200px; padding: 4px 8px; border: 1px solid var(--rp-border, #d1d5db);
  border-radius: 6px; font: inherit; background: transparent; color: inherit; }
.rg-hits { position: absolute; z-index: 5; top: 100%; left: 0; right: 0; margin: 2px 0 0; padding: 2px;
  display: flex; flex-direction: column; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #d1d5db);
  border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 12%); }
.rg-hits button { display: flex; gap: 6px; align-items: center; padding: 3px 6px; border: 0;
  border-radius: 4px; background: transparent; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.rg-hits button:first-child, .rg-hits button:hover { background: var(--rp-hover, #eef2ff); }
.rg-sep { width: 1px; align-self: stretch; background: var(--rp-border, #e5e7eb); }
.rg-main { position: relative; flex: 1; min-height: 0; display: flex; }
.rg-side, .rg-timebar { margin: 0; border: 0; min-width: 0; }
.rg-side { width: 180px; overflow: auto; padding: 8px; border-right: 1px solid var(--rp-border, #e5e7eb); }
.rg-side h3 { margin: 8px 0 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .05em;
  opacity: .7; }
.rg-side label { display: flex; gap: 6px; align-items: center; padding: 1px 0; cursor: pointer; }
.rg-dot { width: 10px; height: 10px; border-radius: 50%; flex: none; }
.rg-canvas { position: relative; flex: 1; min-width: 0; outline: none; }
.rg-canvas:focus-visible { box-shadow: inset 0 0 0 2px var(--rp-accent, #6366f1); }
.rg-card { position: absolute; z-index: 4; pointer-events: none; min-width: 160px; padding: 8px 10px;
  border-radius: 8px; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #e5e7eb);
  box-shadow: 0 8px 24px rgb(0 0 0 / 14%); }
.rg-card strong { display: block; font-size: 14px; }
.rg-card span { opacity: .75; }
.rg-timebar { display: flex; gap: 8px; align-items: center; padding: 6px 8px;
  border-top: 1px solid var(--rp-border, #e5e7eb); }
.rg-timebar input[type="range"] { flex: 1; }
.rg-status { display: flex; gap: 10px; align-items: center; padding: 2px 8px; font-size: 12px;
  opacity: .8; border-top: 1px solid var(--rp-border, #e5e7eb); }
.rg-status progress { width: 120px; }
.rg-legend-added { color: #16a34a; } .rg-legend-removed { color: #dc2626; }
`;
