import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to';

describe('returnTo after sign-in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnTo('/decisions/dec_0123456789abcdef01234567?tab=1#rights')).toBe('/decisions/dec_0123456789abcdef01234567?tab=1#rights');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'decisions', '', null, undefined])(
    'refuses %s (no open redirect)',
    (value) => expect(safeReturnTo(value)).toBeNull(),
  );

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnTo('/sign-in?returnTo=%2Fdecisions')).toBeNull();
  });

  it('builds the sign-in address', () => {
    expect(signInPath('/decisions/x')).toBe('/sign-in?returnTo=%2Fdecisions%2Fx');
    expect(signInPath('/', 'session_ended')).toBe('/sign-in?reason=session_ended');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
