import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createDocumentEditor } from '../headlessEditor.ts';
import { $createImageNode, $isImageNode } from '../nodes/ImageNode.ts';
import { $createMentionNode, $isMentionNode, type MentionNode } from '../nodes/MentionNode.ts';
import { exportHtml, exportMarkdown, importMarkdown } from './documentExport.ts';
import { $extractMentions } from './mentionExtraction.ts';

const SAMPLE = `# Learning walks

Why we do them: **trust**, *curiosity* and ~~judgement~~ \`no grading\`.

- observe
- talk

1. plan
2. walk

- [ ] book rooms
- [x] invite members

> Practice is what we do together.

\`\`\`
step 1
\`\`\`

| who | when |
| --- | --- |
| Ada | Monday |

See [the guide](https://example.org/guide) and [@Ada](repertoire:member/m-1) on [[[Rounds]]](repertoire:practice/p-9).
`;

describe('Markdown import', () => {
  it('parses every block kind into its node', () => {
    const editor = createDocumentEditor();
    importMarkdown(editor, SAMPLE);
    const types = editor.read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getType()),
    );
    expect(types).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'list',
      'quote',
      'code',
      'table',
      'paragraph',
    ]);
    const listTypes = editor.read(() =>
      $getRoot()
        .getChildren()
        .filter((n) => n.getType() === 'list')
        .map((n) => (n as unknown as { getListType(): string }).getListType()),
    );
    expect(listTypes).toEqual(['bullet', 'number', 'check']);
  });

  it('turns repertoire: links back into chips', () => {
    const editor = createDocumentEditor();
    importMarkdown(editor, SAMPLE);
    expect(editor.read($extractMentions)).toEqual([
      { entityId: 'm-1', kind: 'member' },
      { entityId: 'p-9', kind: 'practice' },
    ]);
    const triggers = editor.read(() =>
      ($getRoot().getLastChild<ElementNode>()?.getChildren() ?? [])
        .filter($isMentionNode)
        .map((m: MentionNode) => `|${m.getTrigger()}:${m.getLabel()}`)
        .join(''),
    );
    expect(triggers).toMatch(/\|mention:Ada\|link:Rounds$/);
  });

  it('keeps images by URL and drops script URLs', () => {
    const editor = createDocumentEditor();
    importMarkdown(editor, '![chart](https://example.org/c.png) ![x](javascript:alert(1))');
    const images = editor.read(() =>
      $getRoot()
        .getFirstChildOrThrow<ElementNode>()
        .getChildren()
        .filter($isImageNode)
        .map((i) => i.getSrc()),
    );
    expect(images).toEqual(['https://example.org/c.png']);
  });
});

describe('Markdown and HTML export', () => {
  it('round-trips a document through Markdown', () => {
    const editor = createDocumentEditor();
    importMarkdown(editor, SAMPLE);
    const markdown = exportMarkdown(editor);
    expect(markdown).toContain('# Learning walks');
    expect(markdown).toContain('**trust**');
    expect(markdown).toContain('- [ ] book rooms');
    expect(markdown).toContain('- [x] invite members');
    expect(markdown).toContain('| Ada | Monday |');
    expect(markdown).toContain('[@Ada](repertoire:member/m-1)');
    const again = createDocumentEditor();
    importMarkdown(again, markdown);
    expect(exportMarkdown(again)).toBe(markdown);
  });

  it('writes chips and images into HTML that imports back', () => {
    const editor = createDocumentEditor();
    editor.update(
      () => {
        const p = $createParagraphNode().append(
          $createTextNode('Hi '),
          $createMentionNode({ entityId: 'm-1', kind: 'member', label: 'Ada' }),
          $createImageNode({ src: 'https://example.org/a.png', alt: 'a' }),
        );
        $getRoot().clear().append(p);
      },
      { discrete: true },
    );
    const html = exportHtml(editor);
    expect(html).toContain('data-entity-id="m-1"');
    expect(html).toContain('src="https://example.org/a.png"');
  });

  it('refuses to create an image from a script URL', () => {
    const editor = createDocumentEditor();
    expect(() =>
      editor.update(() => $createImageNode({ src: 'javascript:alert(1)' }), { discrete: true }),
    ).toThrow(/src must be an http\(s\) URL/);
  });
});
