/** Builds the FerretDB test server once (cached); CI runs this before `npm test` so a Go failure is visible on its own. */
import { buildFerretDb } from '../test/support/ferretdb';

const binary = await buildFerretDb();
if (!binary) {
  process.stderr.write('Go is missing: the FerretDB test server could not be built.\n');
  process.exit(1);
}
process.stdout.write(`FerretDB test server: ${binary}\n`);
