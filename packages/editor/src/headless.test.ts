import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { $getRoot } from 'lexical';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindEditorToYDoc } from './collab/headlessCollab.ts';
import { mentionsInYDoc } from './content/mentionExtraction.ts';
import { createDocumentEditor } from './headlessEditor.ts';

const run = promisify(execFile);

// Plain Node (type stripping, no bundler, no DOM) loads the entry, writes a document and exits:
// the way the server's sample and import use it.
const SCRIPT = `
import * as Y from 'yjs';
import { writeMarkdownDocument } from '@repertoire/editor/headless';
const doc = new Y.Doc();
writeMarkdownDocument(doc, '## Actions\\n\\n- [ ] [@Ada](repertoire:member/m-1) books the room\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n');
process.stdout.write(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
`;

it('plain Node loads @repertoire/editor/headless, writes a document and exits', async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: dirname(import.meta.dirname),
    timeout: 60_000,
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stdout, 'base64'));
  expect(mentionsInYDoc(doc)).toEqual([{ entityId: 'm-1', kind: 'member' }]);
  const editor = createDocumentEditor();
  const binding = bindEditorToYDoc(editor, doc);
  const types = editor.read(() =>
    $getRoot()
      .getChildren()
      .map((n) => n.getType()),
  );
  expect(types).toEqual(['heading', 'list', 'table']);
  expect(editor.read(() => $getRoot().getTextContent())).toContain('@Ada books the room');
  binding.dispose();
}, 90_000);
