import {
  BookOpen,
  Calendar,
  ChevronDown,
  ChevronRight,
  Circle,
  CircleHelp,
  Compass,
  FileText,
  Layers,
  Lightbulb,
  Link,
  Lock,
  type LucideIcon,
  RefreshCw,
  Repeat,
  Sparkles,
  Sprout,
  Sun,
  Table,
  Target,
  Trash2,
  User,
  Users,
  X,
} from 'lucide-react';

// The names entity kinds use in their manifests, and the few the page shows itself; an unknown
// name falls back to a circle.
const ICONS: Record<string, LucideIcon> = {
  book: BookOpen,
  'book-open': BookOpen,
  calendar: Calendar,
  'chevron-down': ChevronDown,
  'chevron-right': ChevronRight,
  compass: Compass,
  'file-text': FileText,
  'help-circle': CircleHelp,
  layers: Layers,
  lightbulb: Lightbulb,
  link: Link,
  lock: Lock,
  member: User,
  people: Users,
  person: User,
  'refresh-cw': RefreshCw,
  repeat: Repeat,
  sparkles: Sparkles,
  sprout: Sprout,
  sun: Sun,
  table: Table,
  target: Target,
  trash: Trash2,
  user: User,
  users: Users,
  x: X,
};

/** A decorative icon by name. */
export function Icon(props: { name: string | undefined; size?: number }) {
  const Component = ICONS[props.name ?? ''] ?? Circle;
  return <Component size={props.size ?? 16} strokeWidth={1.75} aria-hidden focusable="false" />;
}
