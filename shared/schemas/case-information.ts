import { z } from 'zod';
import { trimmedText } from './common';

/** A member adds information to their open case: a message the reviewers read on the case. */
export const MemberMessage = z.strictObject({ text: trimmedText(1, 5000) });
export type MemberMessage = z.infer<typeof MemberMessage>;

/** A reviewer's request that the member add information; it stops no clock. */
export const INFORMATION_REQUEST_MIN_LENGTH = 10;
export const RequestInformation = z.strictObject({
  text: trimmedText(INFORMATION_REQUEST_MIN_LENGTH, 2000, `tell the member what you need, in at least ${INFORMATION_REQUEST_MIN_LENGTH} characters`),
  expectedVersion: z.int().min(1),
});
export type RequestInformation = z.infer<typeof RequestInformation>;
