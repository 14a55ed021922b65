import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../store/errors.ts';

/** What a route handler receives. */
export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  params: Record<string, string>;
  url: URL;
}

export type RouteHandler = (context: RouteContext) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** A tiny method + path router: `/api/workspaces/:id` style patterns. */
export class Router {
  readonly #routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const source = path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** The handler and params for a request, `'method'` when only the method is wrong, or null. */
  match(
    method: string,
    pathname: string,
  ): { handler: RouteHandler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const route of this.#routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        try {
          params[key] = decodeURIComponent(found[i + 1] as string);
        } catch {
          throw new ApiError('invalid_input', `${key}: not a valid %-escaped path segment`, key);
        }
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}
