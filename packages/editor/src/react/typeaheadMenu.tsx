import type { MenuOption, MenuRenderFn } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { createPortal } from 'react-dom';

/** A menu entry with a visible label and an optional hint (kind, shortcut). */
export interface LabelledOption extends MenuOption {
  label: string;
  hint?: string;
}

/**
 * Renders a typeahead menu (slash commands, mentions, links) as a listbox under the caret; the
 * keyboard handling (arrows, Enter, Tab, Escape) is Lexical's own.
 */
export function renderTypeaheadMenu<T extends LabelledOption>(
  testId: string,
  emptyText?: string,
): MenuRenderFn<T> {
  return (anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options }) => {
    if (!anchor.current || (options.length === 0 && !emptyText)) return null;
    return createPortal(
      <div className="rp-typeahead" data-testid={testId}>
        <div role="listbox">
          {options.length === 0 && <div className="rp-typeahead-empty">{emptyText}</div>}
          {options.map((option, i) => (
            <div
              key={option.key}
              tabIndex={-1}
              ref={option.setRefElement}
              role="option"
              aria-selected={selectedIndex === i}
              className={selectedIndex === i ? 'rp-typeahead-item selected' : 'rp-typeahead-item'}
              onMouseEnter={() => setHighlightedIndex(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                selectOptionAndCleanUp(option);
              }}
            >
              <span className="rp-typeahead-label">{option.label}</span>
              {option.hint && <span className="rp-typeahead-hint">{option.hint}</span>}
            </div>
          ))}
        </div>
      </div>,
      anchor.current,
    );
  };
}
