/** The editor's CSS, scoped under `.rp-editor`; colours come from the workbench's CSS variables. */
export const EDITOR_CSS = `
.rp-editor { position: relative; font: 15px/1.6 system-ui, sans-serif; color: var(--rp-fg, #1d1d1f); }
.rp-editor-header { display: flex; justify-content: flex-end; gap: 8px; min-height: 24px; }
.rp-editor-content { outline: none; min-height: 200px; padding: 8px 2px; }
.rp-editor-placeholder { position: absolute; top: 40px; left: 2px; color: var(--rp-muted, #999); pointer-events: none; }
.rp-editor h1 { font-size: 1.8em; margin: .6em 0 .3em; } .rp-editor h2 { font-size: 1.4em; } .rp-editor h3 { font-size: 1.15em; }
.rp-editor p { margin: .3em 0; }
.rp-editor blockquote { border-left: 3px solid var(--rp-border, #ccc); margin: .5em 0; padding-left: 12px; color: var(--rp-muted, #555); }
.rp-editor code, .rp-code { font-family: ui-monospace, monospace; background: var(--rp-code-bg, #f3f3f3); border-radius: 3px; padding: 0 3px; }
.rp-code { display: block; padding: 8px 12px; white-space: pre; overflow-x: auto; }
.rp-bold { font-weight: 600; } .rp-italic { font-style: italic; } .rp-underline { text-decoration: underline; }
.rp-strike { text-decoration: line-through; } .rp-underline-strike { text-decoration: underline line-through; }
.rp-editor table { border-collapse: collapse; margin: .5em 0; } .rp-editor td, .rp-editor th { border: 1px solid var(--rp-border, #ccc); padding: 4px 8px; min-width: 60px; }
.rp-check { list-style: none; padding-left: 4px; }
.rp-check-item, .rp-checked { position: relative; padding-left: 24px; list-style: none; }
.rp-check-item::before, .rp-checked::before { content: ''; position: absolute; left: 0; top: 4px; width: 14px; height: 14px; border: 1px solid #888; border-radius: 3px; cursor: pointer; }
.rp-checked { text-decoration: line-through; color: var(--rp-muted, #777); }
.rp-checked::before { background: var(--rp-accent, #3b6ee8); border-color: var(--rp-accent, #3b6ee8); }
.rp-image-img { max-width: 100%; }
.rp-chip { border: 0; font: inherit; cursor: pointer; border-radius: 10px; padding: 0 6px; background: var(--rp-chip-bg, #e8efff); color: var(--rp-chip-fg, var(--rp-accent, #2450b8)); }
.rp-chip-link { background: var(--rp-link-chip-bg, #eef7ee); color: var(--rp-link-chip-fg, #24743a); }
.rp-chip-missing { text-decoration: line-through; opacity: .7; }
.rp-typeahead { position: absolute; z-index: 20; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #ccc); border-radius: 6px; box-shadow: 0 4px 16px #0002; min-width: 220px; margin-top: 22px; }
.rp-typeahead [role=listbox] { padding: 4px; }
.rp-typeahead-item { display: flex; justify-content: space-between; gap: 12px; padding: 4px 8px; border-radius: 4px; cursor: pointer; }
.rp-typeahead-item.selected { background: var(--rp-selection, #e8efff); }
.rp-typeahead-hint { color: var(--rp-muted, #888); font-size: .85em; }
.rp-toolbar { position: absolute; z-index: 30; display: flex; gap: 2px; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #ccc); border-radius: 6px; padding: 2px; box-shadow: 0 2px 10px #0002; }
.rp-toolbar button { border: 0; background: none; padding: 2px 8px; cursor: pointer; border-radius: 4px; font: 13px system-ui; }
.rp-toolbar button.active { background: var(--rp-selection, #e8efff); }
.rp-presence { display: flex; gap: 10px; list-style: none; margin: 0; padding: 0; font-size: 12px; }
.rp-editor-status { color: var(--rp-muted, #777); font-size: 12px; border-top: 1px solid var(--rp-border, #eee); padding-top: 4px; }
.rp-versions { position: relative; margin-right: auto; font-size: 13px; }
.rp-versions-toggle, .rp-versions-panel button { font: 12px system-ui; cursor: pointer; }
.rp-versions-panel { position: absolute; z-index: 25; top: 24px; left: 0; width: 360px; max-height: 480px; overflow: auto; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #ccc); border-radius: 6px; padding: 8px; box-shadow: 0 4px 16px #0002; }
.rp-versions-list { list-style: none; margin: 6px 0; padding: 0; } .rp-versions-list li { display: flex; gap: 6px; align-items: center; padding: 2px 0; }
.rp-version-name { flex: 1; font-weight: 600; } .rp-version-when { color: var(--rp-muted, #888); font-size: 11px; }
.rp-version-view { border-top: 1px solid var(--rp-border, #ddd); margin-top: 6px; padding-top: 6px; }
.rp-version-view header { display: flex; justify-content: space-between; }
.rp-export { position: relative; font-size: 13px; }
.rp-export button { font: 12px system-ui; cursor: pointer; }
.rp-export-panel { position: absolute; z-index: 25; top: 24px; right: 0; display: flex; flex-direction: column; min-width: 170px; background: var(--rp-bg, #fff); border: 1px solid var(--rp-border, #ccc); border-radius: 6px; padding: 4px; box-shadow: 0 4px 16px #0002; }
.rp-export-panel button { text-align: left; border: 0; background: none; padding: 4px 8px; border-radius: 4px; }
.rp-export-panel button:hover { background: var(--rp-selection, #e8efff); }
.rp-presence-dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; }
`;
