// The pattern of the route that answered a request (`/cases/:id/verlengen`), for its log line,
// its metrics and its span: never the concrete path, which holds ids and link keys.
import type { RequestHandler } from 'express';

declare module 'http' {
  interface IncomingMessage {
    /** Set as a route matches (the last one that matched wins); absent: no route took it. */
    routePatroon?: string;
  }
}

/**
 * The router sets `req.route` as a route matches, while `req.baseUrl` is still its mount
 * path; by the time the answer is finished an error passed on has unwound `baseUrl`. So the
 * pattern is taken as the route is set. The first middleware of the app.
 */
export const routeVolgen: RequestHandler = (req, _res, next) => {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(r: { path?: unknown } | undefined) {
      route = r;
      if (r && typeof r.path === 'string') req.routePatroon = patroonVan(req.baseUrl, r.path);
    },
  });
  next();
};

/**
 * A route's pattern under its mount path (`/cases` + `/` is `/cases`). kring mounts its
 * routers at fixed lowercase words and express matches them in any case: lowercased, `/CASES`
 * is the same pattern.
 */
function patroonVan(baseUrl: string, pad: string): string {
  const patroon = baseUrl.toLowerCase() + pad;
  return patroon.length > 1 && patroon.endsWith('/') ? patroon.slice(0, -1) : patroon;
}
