import { describe, expect, it } from 'vitest';
import { plainText } from './documentText.ts';

const text = (t: string) => ({ type: 'text', text: t });

describe('plainText', () => {
  it('gives one line per block, list items one by one, mentions as their text', () => {
    // The shape Lexical serializes: root → blocks → inline nodes; lists hold list items.
    const root = {
      type: 'root',
      children: [
        { type: 'heading', children: [text('Notes')] },
        {
          type: 'paragraph',
          children: [text('Agreed: '), text('every'), text(' unit ends with a reflection.')],
        },
        {
          type: 'list',
          children: [
            {
              type: 'listitem',
              children: [
                text('Ask '),
                { type: 'linebreak' },
                text('then '),
                { type: 'entity-mention', label: 'Bo', trigger: 'mention' },
              ],
            },
            { type: 'listitem', children: [text('two')] },
          ],
        },
        { type: 'paragraph', children: [] },
      ],
    };
    expect(plainText(root)).toBe(
      'Notes\nAgreed: every unit ends with a reflection.\nAsk \nthen @Bo\ntwo\n',
    );
  });
});
