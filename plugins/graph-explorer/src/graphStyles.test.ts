import { createGraphDoc, Workspace } from '@repertoire/core';
import { headlessPluginContext } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';

const workspace = () => new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });

/** A plugin that only declares how meetings and mentoring look in the graph. */
const looks = {
  packageJson: {
    name: '@test/looks',
    repertoire: {
      id: 'test.looks',
      displayName: 'Looks',
      version: '1.0.0',
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      contributes: {
        graphStyles: [
          { kind: 'meeting', colour: '#3a86ff', shape: 'triangle' },
          { relation: 'mentors', colour: '#7a9e9f', lineStyle: 'dashed' },
        ],
      },
    },
  },
  builtin: true,
};

describe('graph.styles (what the graph explorer draws kinds with)', () => {
  it("gives the enabled plugins' manifest graphStyles, naming who contributed each", async () => {
    const { host, context } = await headlessPluginContext(workspace(), ['graph.read']);
    expect(await host.add([looks])).toEqual([]);
    const styles = await context.graph.styles();
    expect(styles).toContainEqual(
      expect.objectContaining({ kind: 'meeting', shape: 'triangle', pluginId: 'test.looks' }),
    );
    expect(styles).toContainEqual(
      expect.objectContaining({ relation: 'mentors', lineStyle: 'dashed' }),
    );
  });

  it('is refused without graph.read', async () => {
    const { context } = await headlessPluginContext(workspace(), []);
    await expect(context.graph.styles()).rejects.toThrow(/graph\.read/);
  });
});
