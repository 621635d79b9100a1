/// <reference path="./provided-context.d.ts" />
import { inject } from 'vitest';

/**
 * The MongoDB URI that test/global-setup.ts provided (MONGODB_TEST_URI or a FerretDB it
 * started), or undefined when there is none and the MongoDB suites should be skipped.
 */
export function mongoTestUri(): string | undefined {
  const uri = inject('mongoUri') as string | undefined;
  return uri ? uri : undefined;
}
