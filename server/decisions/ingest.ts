import { NewDecision, decidedAtTooFarAhead, type ComplianceFinding } from '@shared/schemas/decision';
import type { ProblemFieldError } from '@shared/schemas/problem';
import { canonicalJson, decisionHash, decisionPersonal, newSalt, personalDigest, sha256 } from '../audit/chain';
import { zodErrors } from '../http/validate';
import type { Policies } from '../policies/policies';
import type { StoredDecision } from '../storage/store';

/**
 * The id is derived from the idempotency key, so a retried write lands on the same id and the
 * store's unique primary key makes ingest idempotent without a separate key index.
 */
export const decisionIdFor = (idempotencyKey: string) => 'dec_' + sha256(idempotencyKey).slice(0, 24);

export type ValidatedItem = { ok: true; decision: NewDecision } | { ok: false; errors: ProblemFieldError[] };

/** Validates one item against the shared schema and the clock; errors carry full paths. */
export function validateItem(raw: unknown, now: Date, prefix = ''): ValidatedItem {
  const parsed = NewDecision.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, prefix) };
  if (decidedAtTooFarAhead(parsed.data.decidedAt, now)) {
    return { ok: false, errors: [{ path: prefix ? `${prefix}.decidedAt` : 'decidedAt', message: 'may not be more than 5 minutes in the future' }] };
  }
  return { ok: true, decision: parsed.data };
}

/** Ingest checks: recorded as findings for governance, the decision itself is always kept. */
export function complianceFindings(decision: NewDecision, policies: Policies): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const prohibited = new Set(policies.ingest.prohibitedInputs[decision.type].map((f) => f.toLowerCase()));
  const used = new Set([...Object.keys(decision.inputs), ...decision.rationale.contributions.map((c) => c.feature)]);
  for (const feature of used) {
    if (prohibited.has(feature.toLowerCase())) {
      findings.push({ code: 'prohibited_input', feature, message: `"${feature}" may not be used for ${decision.type} decisions.` });
    }
  }
  if (decision.specialCategoryData && decision.legalBasis !== 'consent') {
    findings.push({
      code: 'special_category_without_consent',
      message: 'Health data was used without explicit consent (GDPR Art. 22(4) with Art. 9(2)(a)).',
    });
  }
  return findings;
}

export const bodyHashOf = (decision: NewDecision) => sha256(canonicalJson(decision));

/** Turns a validated decision into the record that becomes seq 0 of its chain. */
export function toRecord(decision: NewDecision, recordedAt: Date, policies: Policies): StoredDecision {
  const salt = newSalt();
  const record = {
    ...decision,
    id: decisionIdFor(decision.idempotencyKey),
    recordedAt: recordedAt.toISOString(),
    findings: complianceFindings(decision, policies),
    effectiveOutcome: decision.output,
    overridden: false,
    bodyHash: bodyHashOf(decision),
    personalSalt: salt,
    personalDigest: personalDigest(salt, decisionPersonal(decision)),
    hash: '',
  } as StoredDecision;
  record.hash = decisionHash(record);
  return record;
}
