const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * How many words `text` holds, by the Unicode word rules of `Intl.Segmenter`, so text in any
 * language counts (punctuation and spaces do not; each CJK word does).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}
