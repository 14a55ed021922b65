// Hadar & Brody's model of a community of practice in teacher education (2010, seed 003): four
// layers, each the ground of the next. The descriptions and questions are our own words.

/** One of the four layers, as stored in a `layer-reflection`'s `layer` field. */
export type Layer =
  | 'breaking isolation'
  | 'talking about student learning'
  | 'improvement in teaching'
  | 'professional growth';

/** The layers, in order: each is a prerequisite of the next. */
export const LAYERS: readonly Layer[] = [
  'breaking isolation',
  'talking about student learning',
  'improvement in teaching',
  'professional growth',
];

/** What the product says about one layer. */
export interface LayerGuide {
  readonly layer: Layer;
  /** How the layer is named in the UI. */
  readonly label: string;
  /** What a community at this layer does. */
  readonly description: string;
  /** What to look for as evidence in meeting notes and artifacts. */
  readonly evidence: string;
}

/** The guide to each layer, by layer. */
export const LAYER_GUIDES: Readonly<Record<Layer, LayerGuide>> = {
  'breaking isolation': {
    layer: 'breaking isolation',
    label: 'Breaking isolation',
    description: 'Members build a safe space where they can speak openly about their work.',
    evidence: 'Notes where members share a difficulty, or ask each other for help.',
  },
  'talking about student learning': {
    layer: 'talking about student learning',
    label: 'Talking about student learning',
    description: 'Conversations centre on what and how students learn, not only on tasks.',
    evidence: 'Notes that discuss students’ work, their questions, what they understood.',
  },
  'improvement in teaching': {
    layer: 'improvement in teaching',
    label: 'Improvement in teaching',
    description: 'Members see changes in their own practice and try out what others shared.',
    evidence: 'Artifacts and notes of a practice tried in a classroom and what changed.',
  },
  'professional growth': {
    layer: 'professional growth',
    label: 'Professional growth',
    description: 'A goal the community keeps working towards: members grow as professionals.',
    evidence: 'Members leading, mentoring, presenting the community’s work beyond it.',
  },
};

/** Whether a value is one of the four layers. */
export function isLayer(value: unknown): value is Layer {
  return typeof value === 'string' && (LAYERS as readonly string[]).includes(value);
}

/**
 * The term a date falls in, as a facilitator would name it: terms are calendar quarters
 * ("Term 2 2025"), the same periods the insight plugin's `term` setting counts.
 */
export function termOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `Term ${Math.ceil(month / 3)} ${date.slice(0, 4)}`;
}
