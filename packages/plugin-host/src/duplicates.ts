export { DuplicateContributionError } from '@repertoire/base';

/** How a plugin is named as a contributor in errors. */
export const pluginContributor = (pluginId: string): string => `plugin ${pluginId}`;
