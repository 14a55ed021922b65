/**
 * The Explorer's CSS, scoped to its own classes; colours and sizes come from the workbench's theme
 * variables (`--rp-*`), so it follows the light and dark themes.
 */
export const EXPLORER_CSS = `
.rp-explorer-view {
  height: 100%;
}
.rp-explorer {
  height: 100%;
  display: flex;
  flex-direction: column;
}
.rp-explorer-filter {
  display: flex;
  align-items: center;
  gap: 6px;
  margin: 0 var(--rp-space-3) var(--rp-space-2);
  padding: 0 var(--rp-space-2);
  height: 28px;
  border: 1px solid var(--rp-border);
  border-radius: var(--rp-radius);
  background: var(--rp-bg-input);
  color: var(--rp-fg-faint);
}
.rp-explorer-filter:focus-within {
  border-color: var(--rp-focus);
}
.rp-explorer-filter input {
  flex: 1;
  min-width: 0;
  border: 0;
  background: none;
  outline: none;
  color: var(--rp-fg);
}
.rp-explorer-scroll {
  flex: 1;
  overflow: auto;
  outline: none;
}
.rp-explorer-scroll:focus-visible {
  box-shadow: inset 0 0 0 1px var(--rp-focus);
}
.rp-explorer-group {
  display: flex;
  align-items: center;
  gap: 6px;
  padding: 0 var(--rp-space-2) 0 var(--rp-space-2);
  font-size: 11px;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--rp-fg-muted);
  cursor: pointer;
  user-select: none;
}
.rp-explorer-group:hover {
  background: var(--rp-bg-hover);
}
.rp-group-add {
  width: 22px;
  height: 22px;
  opacity: 0;
}
.rp-explorer-group:hover .rp-group-add {
  opacity: 1;
}
.rp-kind-dot {
  width: 8px;
  height: 8px;
  border-radius: 50%;
  flex: none;
}
.rp-explorer-row {
  padding-left: 28px;
  cursor: pointer;
}
.rp-row-meta {
  margin-left: auto;
  padding-left: var(--rp-space-2);
  color: var(--rp-fg-muted);
  font-size: 11px;
  font-variant-numeric: tabular-nums;
  flex: none;
}
.rp-explorer-row[data-drop] {
  background: var(--rp-accent-soft);
  box-shadow: inset 0 0 0 1px var(--rp-accent);
}
.rp-explorer-scroll:focus .rp-explorer-row[data-selected] {
  box-shadow: inset 0 0 0 1px var(--rp-focus);
}
`;
