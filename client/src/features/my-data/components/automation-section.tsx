import { useState } from 'react';
import { DecisionType } from '@shared/schemas/common';
import type { AutomationPreferences } from '@shared/schemas/automation-preferences';
import { ProblemMessage } from '../../../components/problem-message';
import { useI18n } from '../../../i18n';
import { useMyAutomationPreferences, useSetMyAutomationPreferences, useWithdrawMyConsent } from '../api/automation-preferences';

/**
 * GDPR Art. 21 and 22: the member asks, per kind of decision, that a person be involved in every
 * future one, or takes that back. Effective at once; each tick saves.
 */
export function HumanReviewSection() {
  const { t, formatDate } = useI18n();
  const preferences = useMyAutomationPreferences();
  const change = useSetMyAutomationPreferences();
  const data = preferences.data;
  return (
    <section className="card" aria-labelledby="human-review-title">
      <h2 id="human-review-title">{t('automation.title')}</h2>
      <p>{t('automation.intro')}</p>
      {preferences.isError ? <ProblemMessage error={preferences.error} /> : null}
      {data ? (
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          <fieldset className="choice-group">
            <legend>{t('automation.legend')}</legend>
            {DecisionType.options.map((type) => (
              <label className="choice" key={type}>
                <input
                  type="checkbox"
                  checked={data.humanReview[type]}
                  disabled={change.isPending}
                  onChange={(event) => change.mutate({ humanReview: { [type]: event.target.checked } })}
                />{' '}
                {t(`automation.type.${type}`)}
                {data.humanReviewSince[type] ? (
                  <span className="muted small"> · {t('automation.since', { date: formatDate(data.humanReviewSince[type]) })}</span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <p className="muted small">{t('automation.effect')}</p>
        </form>
      ) : null}
      {change.isError ? <ProblemMessage error={change.error} /> : null}
      <div role="status">{change.isSuccess ? <p className="notice notice-success">{t('automation.saved')}</p> : null}</div>
      {data && data.history.length > 0 ? <History history={data.history} /> : null}
    </section>
  );
}

function History({ history }: { history: AutomationPreferences['history'] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h3>{t('automation.historyTitle')}</h3>
      <ul className="plain-list">
        {[...history].reverse().map((h, i) => (
          <li key={`${h.at}-${h.type}-${i}`}>
            {formatDate(h.at)} · {t(`automation.change.${h.change}`, { type: t(`automation.type.${h.type}`) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * GDPR Art. 7(3): consent for decisions made on consent can be withdrawn as easily as it was
 * given. For the future only; decisions made before stay lawful. Asks to confirm first.
 */
export function ConsentSection() {
  const { t, formatDate } = useI18n();
  const preferences = useMyAutomationPreferences();
  const withdraw = useWithdrawMyConsent();
  const [chosen, setChosen] = useState<DecisionType[]>([]);
  const [confirming, setConfirming] = useState(false);
  const data = preferences.data;
  if (!data) return null;
  const open = data.consentBasedTypes.filter((type) => !data.consentWithdrawn[type]);
  const withdrawn = DecisionType.options.filter((type) => data.consentWithdrawn[type]);
  if (data.consentBasedTypes.length === 0 && withdrawn.length === 0) return null;
  const toggle = (type: DecisionType, on: boolean) => setChosen((now) => (on ? [...now, type] : now.filter((x) => x !== type)));
  const confirm = () =>
    withdraw.mutate(
      { types: chosen },
      {
        onSuccess: () => {
          setChosen([]);
          setConfirming(false);
        },
      },
    );
  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p>{t('consent.intro')}</p>
      {withdrawn.length > 0 ? (
        <ul className="plain-list bullets">
          {withdrawn.map((type) => (
            <li key={type}>{t('consent.withdrawnOn', { type: t(`automation.type.${type}`), date: formatDate(data.consentWithdrawn[type]!) })}</li>
          ))}
        </ul>
      ) : null}
      {open.length > 0 ? (
        <form className="form" onSubmit={(event) => (event.preventDefault(), chosen.length > 0 && setConfirming(true))}>
          <fieldset className="choice-group">
            <legend>{t('consent.legend')}</legend>
            {open.map((type) => (
              <label className="choice" key={type}>
                <input type="checkbox" checked={chosen.includes(type)} disabled={confirming} onChange={(event) => toggle(type, event.target.checked)} />{' '}
                {t(`automation.type.${type}`)}
              </label>
            ))}
          </fieldset>
          {confirming ? (
            <div className="notice" role="alertdialog" aria-labelledby="consent-confirm-text">
              <p id="consent-confirm-text">{t('consent.confirmText')}</p>
              <div className="button-row">
                <button type="button" className="button button-primary" onClick={confirm} disabled={withdraw.isPending}>
                  {t('consent.confirm')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)} disabled={withdraw.isPending}>
                  {t('consent.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="submit" className="button" disabled={chosen.length === 0}>
              {t('consent.withdraw')}
            </button>
          )}
        </form>
      ) : null}
      {withdraw.isError ? <ProblemMessage error={withdraw.error} /> : null}
      <div role="status">{withdraw.isSuccess ? <p className="notice notice-success">{t('consent.done')}</p> : null}</div>
    </section>
  );
}
