import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Lang } from '../i18n';

export function LanguageSelect() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="language-select">
      <svg className="language-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M2 10h16M10 2c2.2 2.3 3.2 5 3.2 8s-1 5.7-3.2 8c-2.2-2.3-3.2-5-3.2-8s1-5.7 3.2-8z" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={lang} onChange={(event) => setLang(event.target.value as Lang)}>
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
