import { describe, expect, it } from 'vitest';
import { compareVersions } from './version-order';

const sorted = (versions: string[]) => [...versions].sort(compareVersions);

describe('natural version order', () => {
  it('compares numeric parts as numbers', () => {
    expect(compareVersions('9', '10')).toBeLessThan(0);
    expect(compareVersions('10', '9')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
    expect(sorted(['10', '9', '1', '100', '2'])).toEqual(['1', '2', '9', '10', '100']);
    expect(sorted(['1.10', '1.9', '1.2', '2.0', '1.10.1'])).toEqual(['1.2', '1.9', '1.10', '1.10.1', '2.0']);
    expect(sorted(['2026.10', '2026.2', '2025.12'])).toEqual(['2025.12', '2026.2', '2026.10']);
    expect(sorted(['v10', 'v9', 'v9-hotfix'])).toEqual(['v9', 'v9-hotfix', 'v10']);
  });

  it('compares numbers longer than a float holds exactly', () => {
    expect(compareVersions('90071992547409919', '90071992547409920')).toBeLessThan(0);
    expect(compareVersions('1.00000000000000000001', '1.00000000000000000002')).toBeLessThan(0);
  });

  it('is a total order: equal only for the same text, antisymmetric', () => {
    expect(compareVersions('3.1', '3.1')).toBe(0);
    expect(compareVersions('01', '1')).not.toBe(0);
    expect(Math.sign(compareVersions('01', '1'))).toBe(-Math.sign(compareVersions('1', '01')));
    const versions = ['1', '01', '1.0', '1.a', '1.1', 'a', 'b1', 'b01', '2', '10'];
    for (const a of versions) for (const b of versions) expect(Math.sign(compareVersions(a, b)), `${a} ${b}`).toBe(-Math.sign(compareVersions(b, a)) || 0);
    expect(sorted(versions)).toEqual(sorted([...versions].reverse()));
  });
});
