import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApproveCase, CommentOnCase, ExtendCase, NewObjection } from '@shared/schemas/case';
import { SignIn } from '@shared/schemas/session';
import { lengthsOf } from './use-schema-form';

/** What the resolver hands react-hook-form for these values: each field's issue code (the key of its words). */
async function issueCodes(schema: z.ZodType<unknown, Record<string, unknown>>, values: Record<string, unknown>) {
  const result = await zodResolver(schema)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(Object.entries(result.errors).map(([name, error]) => [name, error?.type]));
}

describe('form limits come from the shared schemas', () => {
  it('reads a field’s least and greatest length, through optional and trim-then-check', () => {
    expect(lengthsOf(ApproveCase.shape.rationale)).toEqual({ min: 20, max: 5000 });
    expect(lengthsOf(ExtendCase.shape.reason)).toEqual({ min: 10, max: 2000 });
    expect(lengthsOf(NewObjection.shape.requestedOutcome)).toEqual({ max: 1000 });
    expect(lengthsOf(z.string().trim().pipe(SignIn.shape.username))).toEqual({ min: 1, max: 100 });
    expect(lengthsOf(ExtendCase.shape.months)).toEqual({});
  });
});

describe('the zod resolver reports the issue codes the forms word', () => {
  const rationale = ApproveCase.pick({ rationale: true });

  it('tells a short rationale only that it is short, and a long one of no words that', async () => {
    expect(await issueCodes(rationale, { rationale: '  too short  ' })).toEqual({ rationale: 'too_small' });
    expect(await issueCodes(rationale, { rationale: 'xxxxxxxxxxxxxxxxxxxxxxxx' })).toEqual({ rationale: 'custom' });
    expect(await issueCodes(rationale, { rationale: 'The claims register shows two claims of another policy.' })).toEqual({});
  });

  it('refuses a blank comment and an extension without its months or reason', async () => {
    expect(await issueCodes(CommentOnCase.pick({ text: true, visibility: true }), { text: '   ', visibility: 'internal' })).toEqual({ text: 'too_small' });
    const extend = ExtendCase.pick({ reason: true }).extend({ months: z.enum(['1', '2']) });
    expect(await issueCodes(extend, { months: null, reason: 'short' })).toEqual({ months: 'invalid_value', reason: 'too_small' });
  });

  it('hands the submit handler the trimmed values the server would take', async () => {
    const result = await zodResolver(NewObjection.pick({ statement: true, requestedOutcome: true }))(
      { statement: '  My claims were not mine.  ', requestedOutcome: '  ' },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.values).toEqual({ statement: 'My claims were not mine.', requestedOutcome: '' });
  });
});
