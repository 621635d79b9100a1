import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const PERMISSION_MODULE = 'shared/auth/permissions.ts';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('role checks', () => {
  it('live in the one permission module: no service, route or screen tests roles itself', () => {
    const offenders = ['server', 'shared', 'client/src']
      .flatMap(sources)
      .filter((file) => relative(root, join(root, file)) !== PERMISSION_MODULE)
      .filter((file) => /\broles\.(includes|some|every|indexOf|find)\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
