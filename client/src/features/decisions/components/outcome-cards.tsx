import type { Decision } from '@shared/schemas/decision';
import { useOutcomeWords, type OutcomeWords } from '../../../components/outcome';
import { useT } from '../../../i18n';

function OutcomeCard({ title, outcome, note, current }: { title: string; outcome: OutcomeWords; note: string; current?: boolean }) {
  return (
    <section className={`card outcome-card${current ? ' outcome-card-current' : ''}`} aria-label={title}>
      <h2 className="outcome-card-title">{title}</h2>
      <p className={`outcome-headline tone-${outcome.tone}`}>{outcome.headline}</p>
      {outcome.detail ? <p className="outcome-detail">{outcome.detail}</p> : null}
      <p className="outcome-note">{note}</p>
    </section>
  );
}

/** The original output (never changed) beside the outcome that applies now (after an approved override). */
export function OutcomeCards({ decision }: { decision: Decision }) {
  const t = useT();
  const words = useOutcomeWords();
  return (
    <div className="outcome-grid">
      <OutcomeCard title={t('decision.original')} outcome={words(decision, 'original')} note={t('decision.originalHint')} />
      <OutcomeCard
        title={t('decision.effective')}
        outcome={words(decision, 'effective')}
        note={decision.supersededBy ? t('rectification.effectiveFromNew') : decision.overridden ? t('decision.effectiveChanged') : t('decision.effectiveSame')}
        current
      />
    </div>
  );
}
