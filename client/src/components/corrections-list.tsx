import type { CaseCorrection } from '@shared/schemas/case';
import { useI18n } from '../i18n';

/** An input value as the reader sees it: yes/no, a number the local way, text as it is; "—" for none. */
export function useInputValue() {
  const { t, formatNumber } = useI18n();
  return (value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? t('corrections.yes') : t('corrections.no');
    if (typeof value === 'number') return formatNumber(value);
    return String(value);
  };
}

/**
 * Rectification (GDPR Art. 16): the inputs the member said were wrong, the value on record beside
 * the value they claimed, and where each correction stands with the reviewer's reason.
 */
export function CorrectionsList({ corrections, inputs, headingId }: { corrections: CaseCorrection[]; inputs: Record<string, unknown>; headingId?: string }) {
  const { t, formatDate } = useI18n();
  const valueOf = useInputValue();
  return (
    <div className="table-wrap">
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('corrections.input')}</th>
            <th scope="col">{t('corrections.recorded')}</th>
            <th scope="col">{t('corrections.claimed')}</th>
            <th scope="col">{t('corrections.state')}</th>
          </tr>
        </thead>
        <tbody>
          {corrections.map((c) => (
            <tr key={c.feature}>
              <th scope="row">
                <span className="mono">{c.feature}</span>
                {c.reason ? <p className="muted small">{c.reason}</p> : null}
              </th>
              <td>{Object.hasOwn(inputs, c.feature) ? valueOf(inputs[c.feature]) : '—'}</td>
              <td>{valueOf(c.claimedValue)}</td>
              <td>
                <span className={`badge ${c.state === 'accepted' ? 'badge-success' : c.state === 'pending' ? 'badge-info' : ''}`}>
                  {t(`corrections.state.${c.state}`)}
                </span>
                {c.decisionReason ? <p className="small">{c.decisionReason}</p> : null}
                {c.decidedAt ? <p className="muted small">{t('corrections.decidedOn', { date: formatDate(c.decidedAt) })}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
