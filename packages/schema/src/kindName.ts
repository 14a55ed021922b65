// Kind names are namespaced by the plugin that contributes them, so two plugins cannot collide or
// shadow a built-in (tldraw namespaces its migration ids the same way). The built-ins (plugin ids
// `repertoire.*`) own the short names (`practice`); every other plugin qualifies its kinds and
// relation types with its id: `acme.reading-circle/reading`.

/** Joins a plugin id and a short name. Never `|`, which splits a relation id `from|type|to`. */
export const KIND_NAMESPACE_SEPARATOR = '/';

/** The publisher of the plugins shipped with Repertoire: their kinds keep short names. */
export const BUILT_IN_PUBLISHER = 'repertoire';

/** A short kind name or relation type: a lower-case letter, then letters, digits or `-`. */
export const SHORT_KIND_PATTERN = '[a-z][a-zA-Z0-9-]*';
/** A plugin id: `publisher.name`. */
export const PLUGIN_ID_PATTERN = '[a-z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+';
/** A kind name or relation type: short, or qualified `<plugin id>/<short name>`. */
export const KIND_NAME_PATTERN = `(?:${PLUGIN_ID_PATTERN}/)?${SHORT_KIND_PATTERN}`;

const qualified = new RegExp(`^(${PLUGIN_ID_PATTERN})/(${SHORT_KIND_PATTERN})$`);

/** Whether `pluginId` is a built-in's (`repertoire.*`), whose kinds form the reserved namespace. */
export function isBuiltInPluginId(pluginId: string): boolean {
  return pluginId.startsWith(`${BUILT_IN_PUBLISHER}.`);
}

/** `<pluginId>/<name>`: the name a plugin's kind or relation type must have. */
export function qualifyKindName(pluginId: string, name: string): string {
  return `${pluginId}${KIND_NAMESPACE_SEPARATOR}${name}`;
}

/** The plugin id and short name of a kind name (no plugin for a short, built-in one). */
export function splitKindName(name: string): { plugin: string | undefined; name: string } {
  const match = qualified.exec(name);
  return match ? { plugin: match[1], name: match[2] as string } : { plugin: undefined, name };
}

/**
 * The name a kind is stored under: a built-in's qualified name (`repertoire.knowledge/practice`)
 * is its short name (`practice`); every other name is itself.
 */
export function storedKindName(name: string): string {
  const { plugin, name: short } = splitKindName(name);
  return plugin !== undefined && isBuiltInPluginId(plugin) ? short : name;
}

/**
 * The name `pluginId` must give a kind or relation type it calls `name`: a built-in's short name,
 * or `<pluginId>/<short name>` for every other plugin.
 */
export function expectedKindName(pluginId: string, name: string): string {
  const short = splitKindName(name).name;
  return isBuiltInPluginId(pluginId) ? short : qualifyKindName(pluginId, short);
}

/**
 * Why plugin `pluginId` may not contribute a kind (`what`: "entity kind", "relation type") named
 * `name`, or `undefined` when it may: built-ins use short names, every other plugin its own prefix.
 */
export function kindNamespaceProblem(
  pluginId: string,
  name: string,
  what: string,
): string | undefined {
  const expected = expectedKindName(pluginId, name);
  if (name === expected) return undefined;
  const { plugin } = splitKindName(name);
  if (isBuiltInPluginId(pluginId))
    return `plugin ${pluginId} is built in, so its ${what} "${name}" keeps the short name: name it "${expected}"`;
  if (plugin === undefined)
    return `plugin ${pluginId} contributes the ${what} "${name}" without its namespace (short names are reserved for the built-in repertoire.* plugins): name it "${expected}"`;
  return `plugin ${pluginId} contributes the ${what} "${name}" in the namespace of ${plugin}: name it "${expected}"`;
}
