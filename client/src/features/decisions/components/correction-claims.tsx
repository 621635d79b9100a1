import './corrections.css';
import type { CorrectionClaim } from '@shared/schemas/case';
import type { InputValue } from '@shared/schemas/decision';
import { useInputValue } from '../../../components/corrections-list';
import { useI18n } from '../../../i18n';

/** What the member has filled in for one input they say is wrong. */
export interface CorrectionDraft {
  wrong: boolean;
  value: string;
  reason: string;
}
export type CorrectionDrafts = Record<string, CorrectionDraft>;

/** The value the member typed, in the type of the value on record (a number stays a number, yes/no a boolean). */
function claimedValueOf(recorded: unknown, typed: string): InputValue {
  const text = typed.trim();
  if (typeof recorded === 'number' && text !== '' && Number.isFinite(Number(text.replace(',', '.')))) return Number(text.replace(',', '.'));
  if (typeof recorded === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The corrections to send, or the features whose value or reason is missing. */
export function correctionsFrom(drafts: CorrectionDrafts, inputs: Record<string, unknown>): { claims: CorrectionClaim[]; missing: string[] } {
  const chosen = Object.entries(drafts).filter(([, d]) => d.wrong);
  const missing = chosen.filter(([, d]) => !d.value.trim() || !d.reason.trim()).map(([feature]) => feature);
  const claims = chosen.map(([feature, d]) => ({ feature, claimedValue: claimedValueOf(inputs[feature], d.value), reason: d.reason.trim() }));
  return { claims, missing };
}

/**
 * Rectification (GDPR Art. 16) in the member's objection: each input the decision was made on,
 * with a box to say it is wrong; then the right value and why.
 */
export function CorrectionClaims({
  inputs,
  drafts,
  missing,
  onChange,
}: {
  inputs: Record<string, unknown>;
  drafts: CorrectionDrafts;
  missing: string[];
  onChange: (drafts: CorrectionDrafts) => void;
}) {
  const { t } = useI18n();
  const valueOf = useInputValue();
  const features = Object.keys(inputs);
  if (!features.length) return null;
  const set = (feature: string, patch: Partial<CorrectionDraft>) =>
    onChange({ ...drafts, [feature]: { ...(drafts[feature] ?? { wrong: false, value: '', reason: '' }), ...patch } });
  return (
    <fieldset className="corrections-fieldset">
      <legend>{t('rectification.formTitle')}</legend>
      <p className="muted small">{t('rectification.formHint')}</p>
      <ul className="plain-list">
        {features.map((feature) => {
          const draft = drafts[feature];
          const id = `correct-${feature}`;
          const incomplete = missing.includes(feature);
          const boolean = typeof inputs[feature] === 'boolean';
          return (
            <li key={feature} className="correction-claim">
              <label className="choice" htmlFor={id}>
                <input id={id} type="checkbox" checked={!!draft?.wrong} onChange={(event) => set(feature, { wrong: event.target.checked })} />{' '}
                {t('rectification.isWrong', { feature, value: valueOf(inputs[feature]) })}
              </label>
              {draft?.wrong ? (
                <div className="correction-fields">
                  <label htmlFor={`${id}-value`}>{t('rectification.rightValue')}</label>
                  {boolean ? (
                    <select
                      id={`${id}-value`}
                      value={draft.value}
                      onChange={(event) => set(feature, { value: event.target.value })}
                      aria-invalid={incomplete && !draft.value}
                    >
                      <option value="">—</option>
                      <option value="true">{t('corrections.yes')}</option>
                      <option value="false">{t('corrections.no')}</option>
                    </select>
                  ) : (
                    <input
                      id={`${id}-value`}
                      type="text"
                      value={draft.value}
                      maxLength={2000}
                      onChange={(event) => set(feature, { value: event.target.value })}
                      aria-invalid={incomplete && !draft.value.trim()}
                    />
                  )}
                  <label htmlFor={`${id}-reason`}>{t('rectification.why')}</label>
                  <textarea
                    id={`${id}-reason`}
                    rows={2}
                    value={draft.reason}
                    maxLength={2000}
                    onChange={(event) => set(feature, { reason: event.target.value })}
                    aria-invalid={incomplete && !draft.reason.trim()}
                    aria-describedby={incomplete ? `${id}-error` : undefined}
                  />
                  {incomplete ? (
                    <p className="field-error" id={`${id}-error`}>
                      {t('rectification.incomplete')}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
