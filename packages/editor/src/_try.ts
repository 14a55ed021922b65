import {
  bindEditorToYDoc,
  createDocumentEditor,
  writeMarkdownDocument,
} from '@repertoire/editor/headless';
import { $getRoot } from 'lexical';
import * as Y from 'yjs';

const doc = new Y.Doc();
const md = `## Agenda\n\n1. Welcome [@Tom Ngata](repertoire:member/sample-member-tom)\n2. Review [\\[\\[Team Drive\\]\\]](repertoire:practice/sample-practice-teamdrive)\n\n- [ ] James to **email** heads\n- [x] Sarah done\n\n| LMS | Cost |\n|---|---|\n| Moodle | free |\n| Canvas | $$ |\n\n> A quote\n> more\n\nSee <https://example.org> and [bad](javascript:alert(1)).\n`;
console.log(writeMarkdownDocument(doc, md));
const ed = createDocumentEditor();
const b = bindEditorToYDoc(ed, doc);
console.log(JSON.stringify(ed.getEditorState().toJSON()).slice(0, 3000));
console.log(ed.read(() => $getRoot().getTextContent()));
b.dispose();
