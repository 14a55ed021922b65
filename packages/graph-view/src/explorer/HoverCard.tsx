import { type RefObject, useEffect, useState } from 'react';
import type { GraphView, HoverInfo } from '../graphView.ts';
import { type KindLooks, singularOf } from './kindLooks.ts';

/**
 * The card by the entity under the pointer: its title, its kind (singular: one entity) and how
 * many relations it has. The view takes it away when the entity moves, the view pans or a filter
 * hides it.
 */
export function HoverCard(props: {
  view: GraphView | null;
  looks: KindLooks;
  /** The canvas: the card is placed in its parent, at the entity's place in the canvas. */
  canvas: RefObject<HTMLDivElement | null>;
}) {
  const [hover, setHover] = useState<HoverInfo | null>(null);
  useEffect(() => {
    if (!props.view) return;
    const d = props.view.onDidHover(setHover);
    return () => {
      d.dispose();
      setHover(null);
    };
  }, [props.view]);
  if (!hover) return null;
  const canvas = props.canvas.current;
  // Near the right or bottom edge the card opens to the other side, so it is never cut off.
  const flipX = canvas !== null && hover.x > canvas.clientWidth - 240;
  const flipY = canvas !== null && hover.y > canvas.clientHeight - 90;
  return (
    <div
      className="rg-card"
      data-testid="hover-card"
      style={{
        left: hover.x + (canvas?.offsetLeft ?? 0) + (flipX ? -16 : 16),
        top: hover.y + (canvas?.offsetTop ?? 0) + (flipY ? -16 : 16),
        transform: `translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`,
      }}
    >
      <strong>{hover.title}</strong>
      <span>
        {singularOf(props.looks, hover.kind)} · {hover.degree} connection
        {hover.degree === 1 ? '' : 's'}
      </span>
    </div>
  );
}
