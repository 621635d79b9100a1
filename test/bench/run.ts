// npm run bench [-- --out FILE] [--scale tiny|small|full] [--mongo] [--mongo-decisions N] [--skip-mongo]
// The MongoDB leg runs when MONGODB_URI is set, or with --mongo against a FerretDB started here.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startFerretDb } from '../support/ferretdb';
import { runBench, SCALES, type Scale } from './bench';
import { formatTable } from './report';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    scale: { type: 'string', default: 'full' },
    mongo: { type: 'boolean', default: false },
    'skip-mongo': { type: 'boolean', default: false },
    'mongo-decisions': { type: 'string' },
  },
});

const scale = values.scale as Scale;
if (!(scale in SCALES)) {
  process.stderr.write(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

let mongoUri = values['skip-mongo'] ? undefined : process.env.MONGODB_URI || undefined;
let stopFerret: (() => Promise<void>) | undefined;
if (!mongoUri && values.mongo && !values['skip-mongo']) {
  log('starting FerretDB for the MongoDB leg…');
  const server = await startFerretDb();
  mongoUri = server.uri;
  stopFerret = server.stop;
}

try {
  const mongoDecisions = values['mongo-decisions'] === undefined ? undefined : Number(values['mongo-decisions']);
  if (mongoDecisions !== undefined && !(Number.isInteger(mongoDecisions) && mongoDecisions > 0)) {
    process.stderr.write('--mongo-decisions must be a positive whole number\n');
    process.exit(2);
  }
  const result = await runBench({ scale, mongoUri, mongoDecisions, log });
  process.stdout.write(`${formatTable(result, scale)}\n`);
  if (values.out) {
    fs.writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${values.out}`);
  }
} finally {
  await stopFerret?.();
}
