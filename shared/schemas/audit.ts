import { z } from 'zod';

export const BrokenReason = z.enum(['altered', 'missing_event', 'missing_chain', 'anchor_altered', 'anchor_signature']);

export const VerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number(),
  events: z.number(),
  anchors: z.number(),
  brokenAt: z
    .object({ decisionId: z.string().optional(), seq: z.number().optional(), anchorSeq: z.number().optional(), reason: BrokenReason, detail: z.string() })
    .optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const Anchor = z.object({
  seq: z.number(),
  createdAt: z.string(),
  coveredUntil: z.string(),
  chains: z.number(),
  events: z.number(),
  root: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string().nullable(),
});
export type Anchor = z.infer<typeof Anchor>;
