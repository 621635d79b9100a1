import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { AppError } from '../domain/errors';

type Layer = Router['stack'][number];

interface ServedPath {
  pattern: RegExp;
  methods: Set<string>;
  /** A path without parameters, such as `/decisions/batch`. */
  fixed: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A route path as Express matches it by default: `:name` is one non-empty segment, letters in
 * any case, an optional trailing slash. Our routes use no other path syntax.
 */
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split(/(:\w+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
      .join('')}/?$`,
    'i',
  );

/**
 * Every route path of `stack` with the methods it answers, nested routers included. They are
 * mounted without a path of their own (server/app.ts), so a route's path is its full path here.
 * A route that answers every method (`router.all`) is left out: it never needs a 405.
 */
function servedPaths(stack: Layer[]): ServedPath[] {
  const byPath = new Map<string, Set<string>>();
  const anyMethod = new Set<string>();
  const walk = (layers: Layer[]) => {
    for (const layer of layers) {
      const route = layer.route;
      if (route && typeof route.path === 'string') {
        const methods = byPath.get(route.path) ?? new Set<string>();
        for (const handler of route.stack) {
          if (handler.method) methods.add(handler.method.toUpperCase());
          else anyMethod.add(route.path);
        }
        byPath.set(route.path, methods);
        continue;
      }
      const nested: unknown = (layer.handle as { stack?: unknown }).stack;
      if (Array.isArray(nested)) walk(nested as Layer[]);
    }
  };
  walk(stack);
  return [...byPath]
    .filter(([path]) => !anyMethod.has(path))
    .map(([path, methods]) => {
      // Express answers HEAD with a GET route; OPTIONS is not served, so it is not offered.
      if (methods.has('GET')) methods.add('HEAD');
      return { pattern: patternOf(path), methods, fixed: !path.includes(':') };
    });
}

/**
 * 405 with the `Allow` header (RFC 9110 §15.5.6) for a path the API serves, called with a method
 * it does not serve; a path no route knows falls through to the 404. Placed after the routes,
 * before the 404, it reads the route table from the router itself on first use, so a new route
 * is covered without being listed twice.
 */
export function methodNotAllowed(router: Router): RequestHandler {
  return refuseUnservedMethods(router, () => true);
}

/**
 * The same 405, placed before the routes, for a path without parameters: GET /decisions/batch
 * is the batch endpoint called with a method it does not serve, not a decision whose id is
 * "batch" for GET /decisions/:id to refuse as malformed. OpenAPI reads paths the same way: a
 * concrete path is matched before a templated one.
 */
export function methodNotAllowedOnFixedPaths(router: Router): RequestHandler {
  return refuseUnservedMethods(router, (path) => path.fixed);
}

function refuseUnservedMethods(router: Router, considered: (path: ServedPath) => boolean): RequestHandler {
  let served: ServedPath[] | null = null;
  return (req: Request, res: Response, next: NextFunction) => {
    served ??= servedPaths(router.stack).filter(considered);
    const allowed = new Set<string>();
    const matching = served.filter((path) => path.pattern.test(req.path));
    // A concrete path is itself, not a value of a parameter: /monitors/alerts offers what it serves,
    // never the methods of /monitors/:id (as OpenAPI matches a concrete path before a templated one).
    const concrete = matching.filter((path) => path.fixed);
    for (const { methods } of concrete.length ? concrete : matching) for (const method of methods) allowed.add(method);
    // Nothing serves the path, or a route for this very method let the request through: not ours to answer.
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const list = [...allowed].sort().join(', ');
    res.setHeader('Allow', list);
    next(new AppError(405, 'method_not_allowed', 'Method not allowed', `This endpoint answers ${list}, not ${req.method}.`));
  };
}
