/** A reference in the sample's content: `@key` for a member, `[[key]]` for any entity. */
export interface SampleReference {
  key: string;
  trigger: 'mention' | 'link';
}

/** What a reference resolves to: the entity and the title its chip shows. */
export interface ResolvedReference {
  id: string;
  kind: string;
  title: string;
}

const REFERENCE = /\[\[([a-z0-9-]+)\]\]|(?<![\w@])@([a-z]+)\b/g;
const escapeLinkText = (text: string) => text.replace(/[[\]\\*_`]/g, (c) => `\\${c}`);

/**
 * Turns the sample's shorthand (`@priya`, `[[teamdrive]]`, `[[meeting-3]]`) into the Markdown
 * the editor exports for chips: `[@Priya Raman](repertoire:member/sample-member-priya)` and
 * `[[[Title]]](repertoire:practice/…)`, so importing it gives the chips a member would have
 * typed. `resolve` throws for a key that names nothing.
 */
export function expandReferences(
  source: string,
  resolve: (ref: SampleReference) => ResolvedReference,
): string {
  return source.replace(REFERENCE, (_match, linkKey?: string, memberKey?: string) => {
    const ref: SampleReference = linkKey
      ? { key: linkKey, trigger: 'link' }
      : { key: memberKey ?? '', trigger: 'mention' };
    const target = resolve(ref);
    const text = ref.trigger === 'mention' ? `@${target.title}` : `[[${target.title}]]`;
    return `[${escapeLinkText(text)}](repertoire:${target.kind}/${encodeURIComponent(target.id)})`;
  });
}
