import { z } from 'zod';

/** A plugin's settings in one workspace: JSON values by setting key. */
export const pluginSettingsSchema = z.record(z.string(), z.json());
/** A plugin's settings (see {@link pluginSettingsSchema}). */
export type PluginSettings = z.infer<typeof pluginSettingsSchema>;

/** Settings shared by everyone in a workspace, kept in the graph document. */
export const workspaceSettingsSchema = z.object({
  /** The community's name as shown in the UI. */
  name: z.string().trim().min(1).max(200).optional(),
  /** Ids (`publisher.name`) of the plugins enabled in this workspace. */
  enabledPlugins: z.array(z.string().min(1)),
  /** Each plugin's settings, by plugin id. */
  pluginSettings: z.record(z.string(), pluginSettingsSchema),
  /**
   * When the server's record of enabled plugins last changed (epoch ms): a signal, not the state,
   * so other members' windows read the record again. The record itself is on the server.
   */
  pluginsChangedAt: z.number().int().nonnegative().optional(),
});
/** Workspace settings (see {@link workspaceSettingsSchema}). */
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
