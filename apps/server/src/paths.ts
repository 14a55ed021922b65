import { fileURLToPath } from 'node:url';

/** The repository root (apps/server/src/../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `pnpm --filter @repertoire/web build` puts the web app. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** Where installed plugins live. */
export const PLUGINS_DIR = fileURLToPath(new URL('../../../plugins', import.meta.url));
