import type { EntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import { createGraphDoc } from './graphDoc.ts';
import { Workspace } from './workspace.ts';

const kind = (name: string) => ({
  kind: name,
  label: name,
  pluralLabel: `${name}s`,
  icon: 'circle',
  colour: '#333333',
  fields: [],
});

function workspace(): Workspace {
  const ws = new Workspace(createGraphDoc(), { user: 'ada' });
  ws.registerEntityKind(kind('practice'), 'repertoire.knowledge');
  ws.registerEntityKind(kind('acme.reading-circle/reading'), 'acme.reading-circle');
  ws.registerRelationKind(
    {
      type: 'acme.reading-circle/cites',
      label: 'cites',
      from: ['acme.reading-circle/reading'],
      to: ['repertoire.knowledge/practice'],
    },
    'acme.reading-circle',
  );
  ws.registerRelationKind(
    { type: 'documents', label: 'documents', from: ['*'], to: ['*'] },
    'repertoire.artifacts',
  );
  return ws;
}

describe('namespaced kinds in the workspace', () => {
  it('a qualified third-party kind and relation type work like short ones', () => {
    const ws = workspace();
    const reading = ws.createEntity({ kind: 'acme.reading-circle/reading', title: 'Wenger 1998' });
    const practice = ws.createEntity({ kind: 'practice', title: 'Think-pair-share' });
    const cites = ws.link(reading.id, 'acme.reading-circle/cites', practice.id);
    expect(cites.id).toBe(`${reading.id}|acme.reading-circle/cites|${practice.id}`);
    expect(ws.relations({ type: 'acme.reading-circle/cites' })).toHaveLength(1);
    expect(ws.entities('acme.reading-circle/reading').map((e) => e.title)).toEqual(['Wenger 1998']);
  });

  it('a built-in’s qualified name finds its short-named kind and is stored short', () => {
    const ws = workspace();
    const practice = ws.createEntity({
      kind: 'repertoire.knowledge/practice',
      title: 'Exit tickets',
    });
    expect(practice.kind).toBe('practice');
    expect(ws.entities('repertoire.knowledge/practice')).toHaveLength(1);
    const reading = ws.createEntity({ kind: 'acme.reading-circle/reading', title: 'R' });
    // The relation kind named its end by the qualified name; it joins the short-named kind.
    ws.link(reading.id, 'acme.reading-circle/cites', practice.id);
    ws.link(reading.id, 'repertoire.artifacts/documents', practice.id);
    expect(ws.relations({ type: 'documents' }).map((r) => r.type)).toEqual(['documents']);
    expect(ws.unlink(reading.id, 'repertoire.artifacts/documents', practice.id)).toBe(true);
  });

  it('another built-in’s prefix, or a made-up one, finds nothing', () => {
    const ws = workspace();
    expect(() => ws.createEntity({ kind: 'repertoire.community/practice', title: 'x' })).toThrow(
      /unknown entity kind "repertoire\.community\/practice"/,
    );
    expect(() => ws.createEntity({ kind: 'reading', title: 'x' })).toThrow(
      /unknown entity kind "reading"/,
    );
    const a = ws.createEntity({ kind: 'practice', title: 'a' }).id;
    const b = ws.createEntity({ kind: 'practice', title: 'b' }).id;
    expect(() => ws.link(a, 'cites', b as EntityId)).toThrow(/unknown relation kind "cites"/);
  });
});
