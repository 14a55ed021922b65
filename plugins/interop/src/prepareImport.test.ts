import { createGraphDoc, Workspace } from '@repertoire/core';
import { writeZip } from '@repertoire/interop';
import { Emitter } from '@repertoire/plugin-api';
import { headlessPluginContext } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { prepareImport } from './prepareImport.ts';

const notes = (n: number) =>
  writeZip(Array.from({ length: n }, (_, i) => ({ path: `Note ${i}.md`, text: `Note ${i}.` })));

async function request(n: number) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  workspace.registerEntityKind({
    kind: 'artifact',
    label: 'Artifact',
    pluralLabel: 'Artifacts',
    icon: 'file',
    colour: '#a73',
    fields: [],
  });
  const { context } = await headlessPluginContext(workspace, ['graph.read', 'graph.write']);
  const files = [{ name: 'big.zip', path: 'big.zip', data: notes(n) }];
  const kinds = await context.graph.entityKinds();
  return {
    workspace,
    req: {
      graph: context.graph,
      format: 'vault' as const,
      files,
      kind: 'artifact',
      source: 'big.zip',
      kinds,
    },
  };
}

describe('preparing an import under a progress bar', () => {
  it('reports its steps up to 100% and plans every entity', async () => {
    const { req, workspace } = await request(250);
    const reports: { increment?: number }[] = [];
    const never = {
      isCancellationRequested: false,
      onCancellationRequested: new Emitter<void>().event,
    };
    const prepared = await prepareImport(req, undefined, { report: (r) => reports.push(r) }, never);
    if (prepared === 'cancelled') throw new Error('cancelled');
    expect(prepared.plan.created).toBe(250);
    const total = reports.reduce((sum, r) => sum + (r.increment ?? 0), 0);
    expect(total).toBeCloseTo(100);
    expect(workspace.entities().length).toBe(0);
  });

  it('stops at the next step once cancelled, having changed nothing', async () => {
    const { req, workspace } = await request(1000);
    let cancelled = false;
    const token = {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested: new Emitter<void>().event,
    };
    let steps = 0;
    const prepared = await prepareImport(
      req,
      undefined,
      {
        report: (r) => {
          if (r.message?.startsWith('Checked')) steps += 1;
          if (steps === 2) cancelled = true;
        },
      },
      token,
    );
    expect(prepared).toBe('cancelled');
    expect(steps).toBe(2);
    expect(workspace.entities().length).toBe(0);
  });
});
