/**
 * `npm run build`, second half: compiles the server's entry points to dist/server/*.js for
 * `npm run start:prod`. The server imports `@shared/...` aliases, which plain `tsc` output would
 * leave unresolved, so esbuild bundles our own code (aliases from tsconfig.json) and leaves every
 * package as an import from node_modules. Then it checks that each package the bundle imports is
 * a runtime dependency: `npm ci --omit=dev` installs nothing else.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/server');

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/index.ts', 'server/create-admin.ts'],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);
const imported = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path))
    .filter((specifier) => !specifier.startsWith('node:') && !builtins.has(specifier.split('/')[0]!))
    .map(packageOf),
);
const missing = [...imported].filter((name) => !runtime.has(name)).sort();
if (missing.length) {
  process.stderr.write(`The compiled server imports packages that are not in "dependencies": ${missing.join(', ')}\n`);
  process.exit(1);
}
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) process.stdout.write(`${path.relative(root, file)}  ${(output.bytes / 1024).toFixed(0)} KB\n`);
}
process.stdout.write(`Runtime packages imported: ${[...imported].sort().join(', ')}\n`);
