import type { Express } from 'express';

export interface RouteInfo {
  method: string;
  /** Express style, under /api: `/api/cases/:id/claim`. */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the app really serves under /api, read from the router itself. */
export function apiRoutes(app: Express): RouteInfo[] {
  const root = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method !== '_all') out.push({ method: method.toUpperCase(), path: `/api${layer.route.path}` });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  // The API router is the one mounted at /api; the client's fallback route lives beside it.
  for (const layer of root) if (layer.handle?.stack) walk(layer.handle.stack);
  return out;
}

export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
