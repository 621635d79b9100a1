import type { z } from 'zod';
import { validationFailed } from './errors';

/** Formats a zod issue path as `decisions[17].output.newPremiumCents`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function zodErrors(error: z.ZodError, prefix = '') {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodErrors(result.error, prefix));
  return result.data;
}
