import type { PluginContext } from '@repertoire/plugin-api';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { type CommunitySnapshot, readCommunity, toActivityEntries } from './communityData.ts';

/** Activates community insight: the Community page. */
export function activate(_context: PluginContext): void {}
