import { formatDateTime, formatNumber, formatRatioAsPercent } from '@shared/format';
import { mailTranslator } from '@shared/i18n/mail';
import type { Lang } from '@shared/schemas/model';
import type { MonitorAlert } from '@shared/schemas/monitors';
import type { RenderedMail } from './render-mail';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A PSI to three decimals, a ratio to two, an override rate as a percentage. */
function formatFigure(metric: MonitorAlert['metric'], value: number, lang: Lang): string {
  if (metric === 'override_rate') return formatRatioAsPercent(value, lang);
  return formatNumber(value, lang, metric === 'psi' ? 3 : 2);
}

/**
 * Governance's mail of one monitor alert: the figure, the threshold, what it rests on and where to
 * look. Figures about a model only: no member, no decision.
 */
export function renderAlertMail(input: { alert: Omit<MonitorAlert, 'id' | 'resolvedAt' | 'resolvedValue'>; lang: Lang; appUrl: string }): RenderedMail {
  const { alert, lang } = input;
  const t = mailTranslator(lang);
  const url = `${input.appUrl}/governance`;
  const values = {
    metric: alert.metric,
    modelId: alert.modelId,
    modelVersion: alert.modelVersion ?? '',
    attribute: alert.attribute ?? '',
    group: alert.group ?? '',
    type: alert.type ?? 'all',
    comparison: alert.comparison,
    value: formatFigure(alert.metric, alert.value, lang),
    threshold: formatFigure(alert.metric, alert.threshold, lang),
    n: alert.n,
    raisedAt: formatDateTime(alert.raisedAt, lang),
  };
  const paragraphs = [
    { text: t('monitor_alert.greeting') },
    { text: t('monitor_alert.body', values) },
    { text: t('monitor_alert.basis', values) },
    { text: t('monitor_alert.next') },
    { text: t('monitor_alert.link', { url }), link: url },
    { text: t('monitor_alert.footer') },
  ];
  const subject = t('subject.monitor_alert', values);
  const text = paragraphs.map((p) => p.text).join('\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">`,
    ...paragraphs.map((p) => {
      const escaped = escapeHtml(p.text);
      if (!p.link) return `<p>${escaped}</p>`;
      const href = escapeHtml(p.link);
      return `<p>${escaped.replace(href, `<a href="${href}">${href}</a>`)}</p>`;
    }),
    '</body></html>',
  ].join('\n');
  return { lang, subject, text, html };
}
