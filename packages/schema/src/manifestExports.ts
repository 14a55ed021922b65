// The plugin-manifest part of the schema package's public API (owned by the plugin platform).
export * from './manifest.ts';
export * from './manifestValidation.ts';
