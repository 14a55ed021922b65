import type { WorkspaceSetup } from '@repertoire/workbench';

/** Wires the built-in plugins into an opened workspace (filled in as the plugin host lands). */
export const setupPlugins: WorkspaceSetup = () => ({ dispose() {} });
