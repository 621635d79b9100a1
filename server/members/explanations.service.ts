import { explainDecision } from '@shared/explain';
import type { Decision } from '@shared/schemas/decision';
import type { Explanation } from '@shared/schemas/explanation';
import type { Lang } from '@shared/schemas/model';
import type { User } from '@shared/schemas/session';
import { canReadDecision, isStaff } from '@shared/auth/permissions';
import { isRestrictedFor, toWire } from '../domain/decision-views';
import { notFound } from '../domain/errors';
import type { Store, StoredDecision } from '../storage/store';

/** GDPR Art. 15(1)(h) and AI Act Art. 86: the explanation of one decision, in the member's language. */
export function createExplanationService({ store }: { store: Store }) {
  async function explainRecord(viewer: User, record: StoredDecision, lang: Lang): Promise<Explanation> {
    const cases = await store.cases.listForDecision(record.id);
    const model = await store.models.get(record.model.id, record.model.version);
    const explanation = explainDecision({ decision: toWire(record) as Decision, model, lang, restricted: isRestrictedFor(viewer, record, cases) });
    // Gaps name raw features: they are for governance's coverage figures, not the member's page.
    return isStaff(viewer) ? explanation : { ...explanation, coverageGaps: [] };
  }

  return {
    explainRecord,
    async explain(viewer: User, decisionId: string, lang: Lang): Promise<Explanation> {
      const record = await store.decisions.get(decisionId);
      if (!record || !canReadDecision(viewer, record)) throw notFound(`No decision ${decisionId}.`);
      return explainRecord(viewer, record, lang);
    },
  };
}

export type ExplanationService = ReturnType<typeof createExplanationService>;
