/**
 * The entity page's CSS, scoped to its own classes; colours and sizes come from the workbench's
 * theme variables (`--rp-*`), so it follows the light and dark themes. The shared pieces (`rp-page`,
 * `rp-chip`, `rp-avatar`, `rp-field`, buttons, banners) stay the workbench's.
 */
export const ENTITY_PAGE_CSS = `
.rp-entity-kind {
  display: flex;
  align-items: center;
  gap: var(--rp-space-2);
  margin-bottom: var(--rp-space-2);
}
.rp-kind-chip {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 2px 10px;
  color: var(--rp-fg);
  border: 1px solid;
  border-radius: 999px;
  font-size: 12px;
  font-weight: 550;
}
.rp-entity-actions {
  margin-left: auto;
  display: flex;
  align-items: center;
  gap: var(--rp-space-1);
}
.rp-title-input {
  display: block;
  width: 100%;
  field-sizing: content;
  min-height: 1.3em;
  resize: none;
  overflow: hidden;
  overflow-wrap: anywhere;
  line-height: 1.25;
  font-size: 30px;
  font-weight: 700;
  letter-spacing: -0.015em;
  border: 0;
  border-radius: var(--rp-radius);
  padding: 2px 6px;
  margin-left: -6px;
  background: none;
  color: var(--rp-fg);
}
.rp-title-input:hover:not([readonly]) {
  background: var(--rp-bg-hover);
}
.rp-title-input:focus {
  outline: none;
  background: var(--rp-bg-hover);
}
.rp-meta {
  margin: var(--rp-space-1) 0 var(--rp-space-6);
  color: var(--rp-fg-faint);
  font-size: 12px;
}
.rp-form {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
  gap: var(--rp-space-4) var(--rp-space-6);
}
.rp-field[data-type="text"],
.rp-field[data-type="stringList"] {
  grid-column: 1 / -1;
}
.rp-field[data-type="boolean"] {
  flex-direction: row-reverse;
  justify-content: flex-end;
  align-items: center;
}
.rp-required {
  color: var(--rp-error);
}
.rp-field-help {
  margin: 0;
  font-size: 12px;
  color: var(--rp-fg-faint);
}
.rp-relations {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 2px;
}
.rp-relations li {
  display: flex;
  align-items: center;
  gap: var(--rp-space-3);
  padding: 2px var(--rp-space-2);
  border-radius: var(--rp-radius);
}
.rp-relations li:hover {
  background: var(--rp-bg-hover);
}
.rp-relation-type {
  color: var(--rp-fg-muted);
  font-size: 12px;
}
.rp-relation-groups {
  display: grid;
  gap: var(--rp-space-2);
}
.rp-relation-group-header {
  display: flex;
  align-items: center;
  gap: var(--rp-space-2);
  width: 100%;
  padding: 2px var(--rp-space-2);
  border: 0;
  border-radius: var(--rp-radius);
  background: none;
  text-align: left;
}
.rp-relation-group-header:hover {
  background: var(--rp-bg-hover);
}
.rp-relation-group-header .rp-relation-type {
  font-weight: 600;
  color: var(--rp-fg);
}
.rp-relation-group-header .rp-count {
  margin-left: 0;
}
.rp-relation-group .rp-relations {
  padding-left: 22px;
}
.rp-relation-date {
  font-size: 11px;
  font-variant-numeric: tabular-nums;
}
.rp-unlink {
  margin-left: auto;
  opacity: 0;
}
.rp-relations li:hover .rp-unlink,
.rp-unlink:focus-visible {
  opacity: 1;
}
.rp-peers {
  display: inline-flex;
}
.rp-peers .rp-avatar + .rp-avatar {
  margin-left: -6px;
}
`;
