import {
  Bookmark,
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
  type LucideIcon,
  Plus,
  RefreshCw,
  Repeat,
  Search,
  Sparkles,
  Sprout,
  Target,
  User,
  Users,
} from 'lucide-react';

// The names entity kinds use in their manifests (lucide and VS Code codicon names), and the few
// the Explorer itself shows; an unknown name falls back to a circle.
const ICONS: Record<string, LucideIcon> = {
  book: BookOpen,
  bookmark: Bookmark,
  'book-open': BookOpen,
  calendar: Calendar,
  'chevron-down': ChevronDown,
  'chevron-right': ChevronRight,
  circle: Circle,
  compass: Compass,
  'file-text': FileText,
  'help-circle': CircleHelp,
  layers: Layers,
  lightbulb: Lightbulb,
  member: User,
  people: Users,
  person: User,
  plus: Plus,
  'refresh-cw': RefreshCw,
  repeat: Repeat,
  search: Search,
  sparkles: Sparkles,
  sprout: Sprout,
  target: Target,
  user: User,
  users: Users,
};

/** A decorative icon by name. */
export function Icon(props: { name: string | undefined; size?: number }) {
  const Component = ICONS[props.name ?? ''] ?? Circle;
  return <Component size={props.size ?? 16} strokeWidth={1.75} aria-hidden focusable="false" />;
}
