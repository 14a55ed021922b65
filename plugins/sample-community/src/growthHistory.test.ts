import { createGraphDoc, Workspace } from '@repertoire/core';
import { layerHistory, phaseHistory, suggestPhase } from '@repertoire/plugin-growth';
import { workspaceGraphBackend } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { loadSampleCommunity } from './loadSampleCommunity.ts';

/** The sample as the plugin API hands it out. */
function sampleGraph() {
  const doc = createGraphDoc();
  loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
  const workspace = new Workspace(doc, { user: 'u_reader' });
  registerBuiltinKinds(workspace);
  const graph = workspaceGraphBackend(workspace);
  return { entities: graph.entities(), relations: graph.relations(), graph };
}

describe('the sample community’s life phase and layers', () => {
  const sample = sampleGraph();

  it('keeps a phase history: coalescing from the first meeting, maturing from August', () => {
    expect(phaseHistory(sample).map((p) => [p.phase, p.since, p.suggested])).toEqual([
      ['coalescing', '2025-02-05', 'potential'],
      ['maturing', '2025-08-13', 'maturing'],
    ]);
  });

  it('reflects on a layer each term, each with evidence from meetings and artifacts', () => {
    const layers = layerHistory(sample);
    expect(layers.map((l) => [l.term, l.layer])).toEqual([
      ['Term 1 2025', 'breaking isolation'],
      ['Term 2 2025', 'talking about student learning'],
      ['Term 3 2025', 'improvement in teaching'],
    ]);
    const kinds = new Map(sample.entities.map((e) => [e.id, e.kind]));
    for (const l of layers) {
      expect(l.evidence.length).toBeGreaterThan(1);
      for (const id of l.evidence) expect(['meeting', 'artifact']).toContain(kinds.get(id));
    }
    expect(layers[2]).toMatchObject({
      progress: ['sample-member-hannah'],
      withdrawal: ['sample-member-daniel'],
    });
  });

  it('dates each record when it was written, so the time slider replays them', async () => {
    const atJune = await sample.graph.at(new Date('2025-06-30T00:00:00Z'));
    expect(
      atJune.entities.filter((e) => e.kind === 'life-phase').map((e) => e.fields.phase),
    ).toEqual(['coalescing']);
    expect(atJune.entities.filter((e) => e.kind === 'layer-reflection')).toHaveLength(1);
  });

  it('is maturing by its own data in August, when its coordinator recorded it', () => {
    expect(suggestPhase(sample, '2025-08-13').phase).toBe('maturing');
  });
});
