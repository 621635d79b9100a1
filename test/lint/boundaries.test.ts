import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundary rules of eslint.config.js, run through ESLint's own API on small files placed at
// paths inside the tree (the files need not exist; what they import must, to be classified).
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary messages ESLint reports for `code` as if it were the file at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  // A parse error would report no boundary message at all, and pass an example that proves nothing.
  expect((result?.messages ?? []).filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

/** Imports `target` (a path from the root, without extension) from `file` by a relative specifier, under `name`. */
function importOf(file: string, target: string, name = 'imported'): string {
  const found = ['.ts', '.tsx'].some((ext) => fs.existsSync(path.join(root, target + ext)));
  expect(found, `${target} must exist for the example to be classified`).toBe(true);
  const specifier = path.relative(path.dirname(file), target).split(path.sep).join('/');
  return `import * as ${name} from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';\nexport const ${name}Used = ${name};\n`;
}

describe('the boundary lint', () => {
  it('fails on a feature importing another feature', async () => {
    const file = 'client/src/features/cases/components/example.tsx';
    expect(await boundaryErrors(file, importOf(file, 'client/src/features/decisions/api/get-decision'))).toEqual([
      expect.stringContaining('a feature may not import another feature'),
    ]);
  });

  it('fails on a storage module importing a service', async () => {
    const file = 'server/storage/sqlite/example.ts';
    expect(await boundaryErrors(file, importOf(file, 'server/auth/users.service'))).toEqual([expect.stringContaining('storage is the bottom layer')]);
  });

  it('fails on a server area importing another area, whatever the file', async () => {
    const file = 'server/cases/example.ts';
    for (const target of ['server/decisions/ingest', 'server/audit/verify', 'server/metrics/rollups']) {
      expect(await boundaryErrors(file, importOf(file, target))).toEqual([expect.stringContaining('a server area may not import another area')]);
    }
  });

  it('fails on server/domain importing an area, and on storage importing any module of an area', async () => {
    const domain = 'server/domain/example.ts';
    expect(await boundaryErrors(domain, importOf(domain, 'server/cases/case-chain'))).toEqual([
      expect.stringContaining('server/domain holds what the areas share'),
    ]);
    const storage = 'server/storage/mongo/example.ts';
    expect(await boundaryErrors(storage, importOf(storage, 'server/metrics/rollups'))).toEqual([expect.stringContaining('storage is the bottom layer')]);
  });

  it('fails on shared code importing the server, and on the client importing the server', async () => {
    const shared = 'shared/schemas/example.ts';
    expect(await boundaryErrors(shared, importOf(shared, 'server/config'))).toEqual([expect.stringContaining('shared/ is used by server and client')]);
    const client = 'client/src/lib/example.ts';
    expect(await boundaryErrors(client, importOf(client, 'server/config'))).toEqual([expect.stringContaining('the client may not import server code')]);
  });

  it('fails on a service importing Express or a database driver', async () => {
    const file = 'server/models/example.service.ts';
    for (const driver of ['express', 'better-sqlite3', 'mongodb']) {
      expect(await boundaryErrors(file, `import * as d from '${driver}';\nexport const used = d;\n`)).toEqual([
        expect.stringContaining('services hold the rules'),
      ]);
    }
  });

  it('fails on a service importing a route or an HTTP helper', async () => {
    const file = 'server/models/example.service.ts';
    expect(await boundaryErrors(file, importOf(file, 'server/models/models.routes'))).toEqual([expect.stringContaining('services may not import routes')]);
    expect(await boundaryErrors(file, importOf(file, 'server/http/body'))).toEqual([expect.stringContaining('services may not import routes')]);
  });

  it('passes on legal imports: a feature using lib and shared, a storage adapter using its port', async () => {
    const feature = 'client/src/features/cases/components/example.tsx';
    const code = `${importOf(feature, 'client/src/lib/api-client')}import type { Case } from '@shared/schemas/case';\nexport type C = Case;\n`;
    expect(await boundaryErrors(feature, code)).toEqual([]);
    const storage = 'server/storage/sqlite/example.ts';
    expect(await boundaryErrors(storage, importOf(storage, 'server/storage/store'))).toEqual([]);
  });

  it('passes on an area using its own modules and server/domain, and on the app, jobs and demo putting areas together', async () => {
    const area = 'server/cases/example.ts';
    expect(await boundaryErrors(area, importOf(area, 'server/cases/case-chain') + importOf(area, 'server/domain/hash-chain', 'chain'))).toEqual([]);
    for (const composer of ['server/example.ts', 'server/jobs/example.ts', 'server/demo/example.ts']) {
      expect(await boundaryErrors(composer, importOf(composer, 'server/cases/case-chain') + importOf(composer, 'server/decisions/ingest', 'ingest'))).toEqual(
        [],
      );
    }
  });

  it('resolves the @shared alias to shared/, so imports through it are classified like relative ones', () => {
    const require = createRequire(import.meta.url);
    const resolver = require(path.join(root, 'scripts/eslint-resolver.cjs')) as {
      resolve(source: string, file: string, config: object): { found: boolean; path?: string | null };
    };
    expect(resolver.resolve('@shared/schemas/case', path.join(root, 'client/src/main.tsx'), {})).toEqual({
      found: true,
      path: path.join(root, 'shared/schemas/case.ts'),
    });
  });
});
