import type { StoredCase } from './entities';

/**
 * A case's personal fields: the member it concerns and every word a person wrote in it. The one
 * list, read by both sides that need it: the chain keeps them in an event's erasable personal
 * part (never in its public snapshot), and erasure blanks them in the stored case.
 */
export interface CasePersonal {
  statement: string | null;
  requestedOutcome: string | null;
  resolutionRationale: string | null;
  memberId: string | null;
  extensionReason: string | null;
  proposalRationale: string | null;
  /** Per claimed correction (rectification), in the case's order: the member's value and reason, the reviewer's reason. Absent on cases without any. */
  corrections?: CorrectionPersonal[];
}

type Correction = NonNullable<StoredCase['corrections']>[number];
type CorrectionPersonal = Pick<Correction, 'claimedValue' | 'reason' | 'decisionReason'>;
type CorrectionPublic = Omit<Correction, 'claimedValue' | 'reason' | 'decisionReason'>;

/** The case without its personal fields (what an event's snapshot may show). */
export type CasePublicPart = Omit<
  StoredCase,
  'statement' | 'requestedOutcome' | 'resolutionRationale' | 'memberId' | 'extension' | 'proposal' | 'corrections'
> & {
  extension: Omit<NonNullable<StoredCase['extension']>, 'reason'> | null;
  proposal: Omit<NonNullable<StoredCase['proposal']>, 'rationale'> | null;
  corrections?: CorrectionPublic[];
};

/** Splits a case into what anyone may read and its personal fields. */
export function splitCasePersonal(c: StoredCase): { publicPart: CasePublicPart; personal: CasePersonal } {
  const { statement, requestedOutcome, resolutionRationale, memberId, extension, proposal, corrections, ...rest } = c;
  return {
    publicPart: {
      ...rest,
      extension: extension ? { months: extension.months, at: extension.at } : null,
      proposal: proposal ? { outcome: proposal.outcome, override: proposal.override, proposedBy: proposal.proposedBy, proposedAt: proposal.proposedAt } : null,
      // Absent, not empty, on cases without corrections: their snapshots stay as they were.
      ...(corrections ? { corrections: corrections.map(({ claimedValue: _v, reason: _r, decisionReason: _d, ...pub }) => pub) } : {}),
    },
    personal: {
      statement,
      requestedOutcome,
      resolutionRationale,
      memberId,
      extensionReason: extension?.reason ?? null,
      proposalRationale: proposal?.rationale ?? null,
      ...(corrections ? { corrections: corrections.map(({ claimedValue, reason, decisionReason }) => ({ claimedValue, reason, decisionReason })) } : {}),
    },
  };
}

/** Joins the public part with what is left of the personal fields: missing ones are blank (erased). */
export function joinCasePersonal(casePart: CasePublicPart, personal: Partial<CasePersonal>): StoredCase {
  const { corrections, ...publicPart } = casePart;
  return {
    ...publicPart,
    memberId: personal.memberId ?? null,
    statement: personal.statement ?? null,
    requestedOutcome: personal.requestedOutcome ?? null,
    resolutionRationale: personal.resolutionRationale ?? null,
    extension: publicPart.extension ? { ...publicPart.extension, reason: personal.extensionReason ?? '' } : null,
    proposal: publicPart.proposal ? { ...publicPart.proposal, rationale: personal.proposalRationale ?? '' } : null,
    ...(corrections
      ? {
          corrections: corrections.map((pub, i) => ({
            ...pub,
            claimedValue: personal.corrections?.[i]?.claimedValue ?? null,
            reason: personal.corrections?.[i]?.reason ?? null,
            decisionReason: personal.corrections?.[i]?.decisionReason ?? null,
          })),
        }
      : {}),
  };
}

/** The case with its personal fields erased; everything else stays. */
export const withoutPersonal = (c: StoredCase): StoredCase => joinCasePersonal(splitCasePersonal(c).publicPart, {});
