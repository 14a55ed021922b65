import {
  AlertCircle,
  AlertTriangle,
  Bell,
  Bookmark,
  BookOpen,
  Boxes,
  Calendar,
  Check,
  ChevronDown,
  ChevronRight,
  Circle,
  CircleHelp,
  Cloud,
  CloudOff,
  Columns2,
  Command,
  Compass,
  Copy,
  FileStack,
  Files,
  FileText,
  Folder,
  FolderTree,
  Gauge,
  Hash,
  HeartPulse,
  IdCard,
  Info,
  Keyboard,
  Layers,
  Lightbulb,
  Link,
  ListTree,
  Lock,
  LogOut,
  type LucideIcon,
  MessageSquare,
  Moon,
  Network,
  PanelBottom,
  PanelLeft,
  Pencil,
  Plus,
  Puzzle,
  RefreshCw,
  Repeat,
  Search,
  Settings,
  Share2,
  Sparkles,
  Sprout,
  Sun,
  Table,
  Target,
  Trash2,
  Undo2,
  User,
  UserPlus,
  Users,
  Wifi,
  WifiOff,
  Wrench,
  X,
} from 'lucide-react';
import type { JSX } from 'react';

// A curated set keeps the initial page small (lucide is tree-shaken to what is named here); unknown
// names fall back to a neutral circle.
const ICONS: Record<string, LucideIcon> = {
  'alert-circle': AlertCircle,
  'alert-triangle': AlertTriangle,
  bell: Bell,
  'book-open': BookOpen,
  bookmark: Bookmark,
  boxes: Boxes,
  calendar: Calendar,
  check: Check,
  'chevron-down': ChevronDown,
  'chevron-right': ChevronRight,
  circle: Circle,
  help: CircleHelp,
  cloud: Cloud,
  'cloud-off': CloudOff,
  columns: Columns2,
  command: Command,
  compass: Compass,
  copy: Copy,
  'file-stack': FileStack,
  'file-text': FileText,
  files: Files,
  folder: Folder,
  'folder-tree': FolderTree,
  gauge: Gauge,
  hash: Hash,
  'id-card': IdCard,
  'heart-pulse': HeartPulse,
  info: Info,
  keyboard: Keyboard,
  layers: Layers,
  lightbulb: Lightbulb,
  link: Link,
  'list-tree': ListTree,
  lock: Lock,
  'log-out': LogOut,
  'message-square': MessageSquare,
  moon: Moon,
  network: Network,
  'panel-bottom': PanelBottom,
  'panel-left': PanelLeft,
  pencil: Pencil,
  plus: Plus,
  puzzle: Puzzle,
  refresh: RefreshCw,
  'refresh-cw': RefreshCw,
  search: Search,
  settings: Settings,
  share: Share2,
  sparkles: Sparkles,
  sprout: Sprout,
  sun: Sun,
  table: Table,
  target: Target,
  trash: Trash2,
  undo: Undo2,
  user: User,
  'user-plus': UserPlus,
  users: Users,
  wifi: Wifi,
  'wifi-off': WifiOff,
  wrench: Wrench,
  x: X,
  // Names the entity kinds of the built-in plugins are likely to use.
  member: User,
  domain: Compass,
  problem: Target,
  practice: Lightbulb,
  artifact: FileText,
  meeting: Calendar,
  graph: Network,
  // Aliases used by plugin manifests (VS Code codicon names).
  person: User,
  people: Users,
  'person-add': UserPlus,
  alert: AlertTriangle,
  book: BookOpen,
  'help-circle': CircleHelp,
  'new-file': FileText,
  repeat: Repeat,
};

/** The names `Icon` knows; plugins name icons with these (lucide names). */
export const iconNames: readonly string[] = Object.keys(ICONS);

/** An icon by name, decorative unless given a `label`. */
export function Icon(props: {
  name: string | undefined;
  size?: number;
  label?: string;
  className?: string;
}): JSX.Element {
  const Component = ICONS[props.name ?? ''] ?? Circle;
  return (
    <Component
      size={props.size ?? 16}
      strokeWidth={1.75}
      className={props.className}
      aria-hidden={props.label ? undefined : true}
      aria-label={props.label}
      role={props.label ? 'img' : undefined}
      focusable="false"
    />
  );
}

/** Whether `name` has its own icon (else {@link Icon} draws the neutral circle). */
export function hasIcon(name: string): boolean {
  return Object.hasOwn(ICONS, name);
}
