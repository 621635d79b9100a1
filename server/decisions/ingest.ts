import { DEFAULT_DECIDED_AT_FLOOR, NewDecision, decidedAtBeforeFloor, decidedAtTooFarAhead, type ComplianceFinding } from '@shared/schemas/decision';
import type { ProblemFieldError } from '@shared/schemas/problem';
import { reconcileContributions, type Reconciliation } from '@shared/explain/reconcile';
import { canonicalJson, decisionHash, decisionPersonal, newSalt, personalDigest, sha256 } from '../domain/hash-chain';
import { zodErrors } from '../domain/parse';
import type { Policies } from '../domain/policies';
import type { StoredDecision } from '../storage/store';

/**
 * The id is derived from the idempotency key, so a retried write lands on the same id and the
 * store's unique primary key makes ingest idempotent without a separate key index.
 */
export const decisionIdFor = (idempotencyKey: string) => 'dec_' + sha256(idempotencyKey).slice(0, 24);

export type ValidatedItem = { ok: true; decision: NewDecision } | { ok: false; errors: ProblemFieldError[] };

/** Validates one item against the shared schema, the clock and the floor; errors carry full paths. */
export function validateItem(raw: unknown, now: Date, prefix = '', decidedAtFloor = DEFAULT_DECIDED_AT_FLOOR): ValidatedItem {
  const parsed = NewDecision.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, prefix) };
  const path = prefix ? `${prefix}.decidedAt` : 'decidedAt';
  if (decidedAtTooFarAhead(parsed.data.decidedAt, now)) {
    return { ok: false, errors: [{ path, message: 'may not be more than 5 minutes in the future' }] };
  }
  if (decidedAtBeforeFloor(parsed.data.decidedAt, decidedAtFloor)) {
    return { ok: false, errors: [{ path, message: `may not be before ${decidedAtFloor} (the configured DECIDED_AT_FLOOR)` }] };
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
  const figures = reconcileContributions(decision);
  if (!figures.ok) findings.push({ code: 'explanation_inconsistent', message: inconsistencyMessage(figures) });
  return findings;
}

const figure = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** Names the figures that do not add up, so the scoring service's owner can find the fault. */
function inconsistencyMessage(r: Reconciliation): string {
  const found =
    r.baseline === null
      ? `The contributions add up to ${figure(r.explained)} against a score of ${figure(r.value)}, which leaves a base value of ${figure(r.value - r.explained)}, outside the scale 0..1`
      : `The baseline ${figure(r.baseline)} plus the contributions is ${figure(r.explained)}, but the output is ${figure(r.value)}`;
  return `${found} (tolerance ${figure(r.tolerance)}): the member is shown the factors without amounts.`;
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
