import { useId } from 'react';
import { ProblemMessage } from '../../../components/problem-message';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Lang } from '../../../i18n';
import { useMyContact, useUpdateMyContact } from '../api/my-contact';

/** How we reach the member about their cases: they see the address and choose language and e-mail or post. */
export function ContactSection() {
  const { t } = useI18n();
  const contact = useMyContact();
  const update = useUpdateMyContact();
  const languageId = useId();
  const data = contact.data;
  return (
    <section className="card" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('myData.contactTitle')}</h2>
      {contact.isError ? <ProblemMessage error={contact.error} /> : null}
      {data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('myData.contactEmail')}</dt>
              <dd>{data.email ?? t('myData.contactNoEmail')}</dd>
            </div>
          </dl>
          <p className="muted small">{t('myData.contactEmailSource')}</p>
          <form className="form form-compact" onSubmit={(event) => event.preventDefault()}>
            <div className="field">
              <label htmlFor={languageId}>{t('myData.contactLanguage')}</label>
              <select
                id={languageId}
                value={data.language}
                disabled={update.isPending}
                onChange={(event) => update.mutate({ language: event.target.value as Lang })}
              >
                {LANGUAGES.map((option) => (
                  <option key={option} value={option} lang={option}>
                    {LANGUAGE_NAMES[option]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="choice-group">
              <legend>{t('myData.contactChannel')}</legend>
              <label className="choice">
                <input
                  type="radio"
                  name="contact-channel"
                  checked={!data.emailOptOut}
                  disabled={update.isPending || !data.email}
                  onChange={() => update.mutate({ emailOptOut: false })}
                />{' '}
                {t('myData.contactByEmail')}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="contact-channel"
                  checked={data.emailOptOut}
                  disabled={update.isPending}
                  onChange={() => update.mutate({ emailOptOut: true })}
                />{' '}
                {t('myData.contactByPost')}
              </label>
            </fieldset>
          </form>
          {update.isError ? <ProblemMessage error={update.error} /> : null}
          <div role="status">
            <p className={data.channel === 'post' ? 'notice' : 'muted small'}>
              {data.channel === 'post' ? t('myData.contactToldByPost') : t('myData.contactToldByEmail')}
            </p>
            {update.isSuccess ? <p className="notice notice-success">{t('myData.contactSaved')}</p> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
