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
}

/** The case without its personal fields (what an event's snapshot may show). */
export type CasePublicPart = Omit<StoredCase, 'statement' | 'requestedOutcome' | 'resolutionRationale' | 'memberId' | 'extension' | 'proposal'> & {
  extension: Omit<NonNullable<StoredCase['extension']>, 'reason'> | null;
  proposal: Omit<NonNullable<StoredCase['proposal']>, 'rationale'> | null;
};

/** Splits a case into what anyone may read and its personal fields. */
export function splitCasePersonal(c: StoredCase): { publicPart: CasePublicPart; personal: CasePersonal } {
  const { statement, requestedOutcome, resolutionRationale, memberId, extension, proposal, ...rest } = c;
  return {
    publicPart: {
      ...rest,
      extension: extension ? { months: extension.months, at: extension.at } : null,
      proposal: proposal ? { outcome: proposal.outcome, override: proposal.override, proposedBy: proposal.proposedBy, proposedAt: proposal.proposedAt } : null,
    },
    personal: {
      statement,
      requestedOutcome,
      resolutionRationale,
      memberId,
      extensionReason: extension?.reason ?? null,
      proposalRationale: proposal?.rationale ?? null,
    },
  };
}

/** Joins the public part with what is left of the personal fields: missing ones are blank (erased). */
export function joinCasePersonal(publicPart: CasePublicPart, personal: Partial<CasePersonal>): StoredCase {
  return {
    ...publicPart,
    memberId: personal.memberId ?? null,
    statement: personal.statement ?? null,
    requestedOutcome: personal.requestedOutcome ?? null,
    resolutionRationale: personal.resolutionRationale ?? null,
    extension: publicPart.extension ? { ...publicPart.extension, reason: personal.extensionReason ?? '' } : null,
    proposal: publicPart.proposal ? { ...publicPart.proposal, rationale: personal.proposalRationale ?? '' } : null,
  };
}

/** The case with its personal fields erased; everything else stays. */
export const withoutPersonal = (c: StoredCase): StoredCase => joinCasePersonal(splitCasePersonal(c).publicPart, {});
