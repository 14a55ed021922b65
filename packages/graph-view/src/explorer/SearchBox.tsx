import { useState } from 'react';
import type { SearchHit } from '../explore.ts';
import type { GraphView } from '../graphView.ts';
import type { KindLooks } from './kindLooks.ts';

/** Find a member, practice…: the best matches as you type, Enter focuses the first. */
export function SearchBox(props: {
  view: GraphView | null;
  looks: KindLooks;
  onFocus: (id: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const focusOn = (id: string) => {
    setQuery('');
    setHits([]);
    props.onFocus(id);
  };
  return (
    <div className="rg-search">
      <input
        type="search"
        placeholder="Find a member, practice…"
        aria-label="Find in graph"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setHits(props.view?.search(e.target.value, 8) ?? []);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) focusOn(hits[0].id);
          if (e.key === 'Escape') setHits([]);
        }}
      />
      {hits.length > 0 && (
        <div className="rg-hits">
          {hits.map((h) => (
            <button type="button" key={h.id} onMouseDown={() => focusOn(h.id)}>
              <span
                className="rg-dot"
                style={{ background: props.looks.colours.get(h.kind) ?? '#94a3b8' }}
              />
              {h.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
