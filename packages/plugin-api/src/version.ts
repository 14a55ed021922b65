/**
 * The version of this API. A plugin declares the range it was built for in
 * `repertoire.engines.repertoire` (e.g. `^1.0.0`); the host refuses a plugin whose range does not
 * include this version. Additive changes bump the minor version, breaking changes the major.
 */
export const API_VERSION = '1.5.0';
