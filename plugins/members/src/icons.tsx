import { Circle, Copy, type LucideIcon, Trash2, UserPlus } from 'lucide-react';

const ICONS: Record<string, LucideIcon> = { copy: Copy, trash: Trash2, 'user-plus': UserPlus };

/** A decorative icon by name; an unknown name falls back to a circle. */
export function Icon(props: { name: string; size?: number }) {
  const Component = ICONS[props.name] ?? Circle;
  return <Component size={props.size ?? 16} strokeWidth={1.75} aria-hidden focusable="false" />;
}
