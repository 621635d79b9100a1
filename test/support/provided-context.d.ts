// Values that test/global-setup.ts provides to the tests (read them with inject()).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** MongoDB URI for the MongoDB storage suites; '' when none could be had. */
    mongoUri: string;
  }
}
