import type { ApiContext } from './apiContext.ts';
import type { Router } from './router.ts';

/**
 * Routes an app adds to the JSON API (`createRepertoireServer({ routes })`): a feature the app
 * composes from plugins' own modules (the year plan's calendar feed) registers its routes here,
 * through the same router, limits, same-origin check and error answers as the built-in ones.
 */
export type HttpRoutes = (router: Router, api: ApiContext) => void;
