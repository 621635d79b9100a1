import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredReport } from '../storage/store';
import { checkReport, reportHash } from './report-chain';

// The literal digest was computed apart, with coreutils: printf '%s' '{"a":1}' | sha256sum.
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const report = (seq: number, prevHash: string, extra = ''): StoredReport => {
  const content = `{"figures":{"x":1${extra}},"prevHash":"${prevHash}","seq":${seq}}`;
  return { id: `rep_${seq}`, seq, from: '2026-11-01', to: '2026-11-30', type: null, frozenAt: '', frozenBy: 'u', prevHash, hash: sha(content), content };
};

describe('the report chain', () => {
  it('hashes the stored document as it is, byte for byte', () => {
    expect(reportHash('{"a":1}')).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    expect(reportHash('{"a":"é"}')).toBe(sha('{"a":"é"}'));
  });

  it('accepts a report that hashes to its hash and links to the hash before it', () => {
    const first = report(1, '');
    const second = report(2, first.hash);
    expect(checkReport(first, '')).toEqual({ hashMatches: true, linked: true, ok: true });
    expect(checkReport(second, first.hash)).toEqual({ hashMatches: true, linked: true, ok: true });
  });

  it('refuses an altered document, a wrong link, a seq the document does not name, and a document that is not JSON', () => {
    const first = report(1, '');
    expect(checkReport({ ...first, content: first.content.replace('1}', '2}') }, '').hashMatches).toBe(false);
    expect(checkReport(report(2, first.hash), 'another').linked).toBe(false);
    expect(checkReport({ ...report(2, first.hash), seq: 3 }, first.hash).linked).toBe(false);
    const broken = { ...first, content: '{not json' };
    expect(checkReport({ ...broken, hash: sha(broken.content) }, '')).toEqual({ hashMatches: true, linked: false, ok: false });
  });
});
