import { createGraphDoc, Workspace } from '@repertoire/core';
import { headlessPluginContext } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { chooseRendererCommand, RendererChoice } from './rendererChoice.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { ui, context } = await headlessPluginContext(workspace, ['graph.read']);
  const choice = new RendererChoice(context.storage);
  const seen: string[] = [];
  choice.onDidChange((c) => seen.push(c));
  return { ui, context, choice, seen, run: chooseRendererCommand(context, choice) };
}

describe('"Choose how the graph is drawn" (the renderer this device uses)', () => {
  it('keeps the choice in the plugin storage, tells an open tab, and reads it back', async () => {
    const { context, choice, seen, run } = await setUp();
    expect(await choice.load()).toBe('auto');
    expect(await run('canvas')).toBe('canvas');
    expect(choice.current).toBe('canvas');
    expect(seen).toEqual(['canvas']);
    const again = new RendererChoice(context.storage);
    expect(await again.load()).toBe('canvas');
  });

  it('asks when given nothing, offering WebGL only where the browser has WebGL2', async () => {
    const { ui, choice, run } = await setUp();
    ui.quickPickAnswers.push('Canvas');
    expect(await run()).toBe('canvas');
    expect(choice.current).toBe('canvas');
    // Node has no WebGL: cancelling the pick changes nothing.
    ui.quickPickAnswers.push(undefined);
    expect(await run()).toBeUndefined();
    expect(choice.current).toBe('canvas');
  });

  it('refuses an unknown renderer, and WebGL without WebGL2, with a message and no change', async () => {
    const { ui, choice, seen, run } = await setUp();
    expect(await run('vulkan')).toBeUndefined();
    expect(await run('webgl')).toBeUndefined();
    expect(choice.current).toBe('auto');
    expect(seen).toEqual([]);
    expect(ui.notifications.map((n) => n.message)).toEqual([
      'Unknown renderer "vulkan": choose auto, canvas or webgl.',
      'This browser has no WebGL2, so the graph stays drawn with the canvas.',
    ]);
  });
});
