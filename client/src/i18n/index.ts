export { I18nProvider, useI18n, useT, type Translate } from './i18n-provider';
export { LANGUAGES, LANGUAGE_NAMES, LOCALES, type Lang, type MessageKey, type MessageValues } from './languages';
export { calendarDaysUntil, oneMonthAfter } from './format';
