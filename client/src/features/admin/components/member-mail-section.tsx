import { useState } from 'react';
import { ProblemMessage } from '../../../components/problem-message';
import { LANGUAGE_NAMES, useI18n } from '../../../i18n';
import { useMemberMail, useMemberMailList } from '../api/member-mail';

/** The demonstration's outbox: every mail to a member as it was written, so the whole story shows without a mail server. */
export function MemberMailSection() {
  const { t, formatDateTime } = useI18n();
  const list = useMemberMailList();
  const [selected, setSelected] = useState<string | null>(null);
  const mail = useMemberMail(selected);
  return (
    <section className="card" aria-labelledby="member-mail-title">
      <h2 id="member-mail-title">{t('admin.mailTitle')}</h2>
      {list.isError ? <ProblemMessage error={list.error} /> : null}
      {list.data?.transport === 'smtp' ? <p>{t('admin.mailSmtp')}</p> : null}
      {list.data?.transport === 'files' ? (
        list.data.mails.length === 0 ? (
          <p className="muted">{t('admin.mailNone')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.mailWritten')}</th>
                <th scope="col">{t('admin.mailTo')}</th>
                <th scope="col">{t('admin.mailSubject')}</th>
                <th scope="col">{t('admin.mailLanguage')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.mails.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.writtenAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <button type="button" className="button button-quiet-link" onClick={() => setSelected(m.id)}>
                      {m.subject}
                    </button>
                  </td>
                  <td>{LANGUAGE_NAMES[m.language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {mail.isError ? <ProblemMessage error={mail.error} /> : null}
      {mail.data ? (
        <article aria-labelledby="member-mail-subject" className="member-mail">
          <h3 id="member-mail-subject">{mail.data.subject}</h3>
          <p className="muted small">{t('admin.mailMeta', { to: mail.data.to, language: LANGUAGE_NAMES[mail.data.language], id: mail.data.messageId })}</p>
          <h4>{t('admin.mailText')}</h4>
          <pre className="mail-text" style={{ whiteSpace: 'pre-wrap' }}>
            {mail.data.text}
          </pre>
          {/* The HTML part as its source, shown as text: nothing in a mail runs in the admin's page. */}
          <details>
            <summary>{t('admin.mailHtml')}</summary>
            <pre className="mail-html" style={{ whiteSpace: 'pre-wrap' }}>
              {mail.data.html}
            </pre>
          </details>
        </article>
      ) : null}
    </section>
  );
}
