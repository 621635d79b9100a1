import { fraudResult } from '@shared/explain/outcome';
import { formatDate, formatMoney } from '@shared/format';
import { mailTranslator, type TranslateMail } from '@shared/i18n/mail';
import type { FraudFlagOutput, RenewalPriceOutput, RiskScoreOutput } from '@shared/schemas/decision';
import type { Lang } from '@shared/schemas/model';
import type { StoredCase, StoredDecision, StoredMemberRequest } from '../domain/entities';

export type MailKind = 'received' | 'extended' | 'resolved' | 'withdrawn' | 'outcome_changed' | 'information_requested';

export interface RenderedMail {
  lang: Lang;
  subject: string;
  text: string;
  html: string;
}

/** One paragraph of a mail; a link is written out in the text and made clickable in the HTML. */
type Paragraph = { text: string; link?: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The outcome a member acts on, in plain words. A fraud check is told only as what happens to the
 * claim: never its score, threshold, inputs or reasons, which would teach how to pass it.
 */
function outcomeParagraph(t: TranslateMail, decision: StoredDecision, lang: Lang): string {
  if (decision.type === 'renewal_price') {
    const out = decision.effectiveOutcome as RenewalPriceOutput;
    return t('outcome.renewal', { premium: formatMoney(out.newPremiumCents, out.currency, lang) });
  }
  if (decision.type === 'fraud_flag') return t('outcome.fraud', { result: fraudResult(decision.effectiveOutcome as FraudFlagOutput) });
  return t('outcome.risk', { band: (decision.effectiveOutcome as RiskScoreOutput).band });
}

function paragraphsOf(
  kind: MailKind,
  t: TranslateMail,
  c: StoredCase,
  decision: StoredDecision,
  lang: Lang,
  { explanationUrl, caseUrl }: { explanationUrl: string; caseUrl: string },
): Paragraph[] {
  const what = t('type', { type: decision.type });
  const date = (iso: string) => formatDate(iso, lang);
  const isFraud = decision.type === 'fraud_flag';
  switch (kind) {
    case 'received':
      // The due date as it stood when the objection came in: a mail sent late, after an extension, still says what was true then.
      return [
        { text: t('received.body', { receivedDate: date(c.receivedAt), decision: what }) },
        { text: t('received.due', { dueDate: date(c.originalDueAt) }) },
        { text: t('received.next') },
      ];
    case 'extended':
      return [
        { text: t('extended.body', { decision: what }) },
        { text: t('extended.due', { dueDate: date(c.dueAt) }) },
        // Art. 12(3): the member is told the reasons for the delay (written for them by the reviewer).
        ...(c.extension ? [{ text: t('extended.reason', { reason: c.extension.reason }) }] : []),
      ];
    case 'resolved':
      return [
        { text: t(c.resolution === 'overridden' ? 'resolved.overridden' : 'resolved.confirmed', { decision: what }) },
        { text: outcomeParagraph(t, decision, lang) },
        // A reviewer's words on a fraud check may name what raised it; the portal shows them when it may.
        ...(c.resolutionRationale && !isFraud ? [{ text: t('resolved.rationale', { rationale: c.resolutionRationale }) }] : []),
        { text: t('link', { url: explanationUrl }), link: explanationUrl },
      ];
    case 'withdrawn':
      return [{ text: t('withdrawn.body', { date: date(c.closedAt ?? c.receivedAt), decision: what }) }, { text: t('withdrawn.notYou') }];
    case 'information_requested':
      // What the reviewer needs is read in the portal, signed in: the mail names no case detail.
      // The request stops no clock, so the answer's date stands.
      return [
        { text: t('information_requested.body', { decision: what }) },
        { text: t('information_requested.how') },
        { text: t('information_requested.due', { dueDate: date(c.dueAt) }) },
        { text: t('information_requested.link', { url: caseUrl }), link: caseUrl },
      ];
    case 'outcome_changed':
      return [
        { text: t('outcome_changed.body', { decision: what }) },
        { text: outcomeParagraph(t, decision, lang) },
        { text: t('link', { url: explanationUrl }), link: explanationUrl },
      ];
  }
}

function htmlParagraph(p: Paragraph): string {
  const text = escapeHtml(p.text);
  if (!p.link) return `<p>${text}</p>`;
  const href = escapeHtml(p.link);
  return `<p>${text.replace(href, `<a href="${href}">${href}</a>`)}</p>`;
}

/** The plain text and the HTML of one mail from its paragraphs: the one layout every member mail shares. */
function assembleMail(lang: Lang, subject: string, paragraphs: Paragraph[]): RenderedMail {
  const text = paragraphs.map((p) => p.text).join('\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">`,
    ...paragraphs.map(htmlParagraph),
    '</body></html>',
  ].join('\n');
  return { lang, subject, text, html };
}

/**
 * One mail to a member about their case, in their language: a plain-text part and an HTML part
 * saying the same, every value escaped in the HTML, dates on the members' calendar.
 */
export function renderMail(input: { kind: MailKind; lang: Lang; case: StoredCase; decision: StoredDecision; appUrl: string }): RenderedMail {
  const { kind, lang } = input;
  const t = mailTranslator(lang);
  const explanationUrl = `${input.appUrl}/decisions/${encodeURIComponent(input.decision.id)}`;
  const caseUrl = `${input.appUrl}/cases/${encodeURIComponent(input.case.id)}`;
  const paragraphs: Paragraph[] = [
    { text: t('greeting') },
    ...paragraphsOf(kind, t, input.case, input.decision, lang, { explanationUrl, caseUrl }),
    { text: t('footer') },
  ];
  return assembleMail(lang, t(`subject.${kind}`), paragraphs);
}

/** The notifications about a member's request (GDPR Art. 12(3) and (4)): refused, extended, or the erasure done. */
export type RequestMailKind = 'request_refused' | 'request_extended' | 'erasure_done';

function requestParagraphs(kind: RequestMailKind, t: TranslateMail, request: StoredMemberRequest | null, lang: Lang, requestsUrl: string): Paragraph[] {
  const date = (iso: string) => formatDate(iso, lang);
  switch (kind) {
    case 'erasure_done':
      // Sent after the erasure: the request itself no longer names the member, so nothing of it is quoted.
      return [{ text: t('erasure_done.body') }, { text: t('erasure_done.downstream') }, { text: t('erasure_done.kept') }];
    case 'request_refused':
      return [
        { text: t('request_refused.body', { kind: request?.kind ?? 'erasure' }) },
        { text: t('request_refused.ground', { ground: request?.answer?.ground ?? 'other' }) },
        ...(request?.answer?.explanation ? [{ text: t('request_refused.explanation', { explanation: request.answer.explanation }) }] : []),
        // Art. 12(4): the member is told they may complain to the supervisory authority or go to court.
        { text: t('request_refused.remedies') },
        { text: t('request.link', { url: requestsUrl }), link: requestsUrl },
      ];
    case 'request_extended':
      return [
        { text: t('request_extended.body', { kind: request?.kind ?? 'erasure' }) },
        ...(request?.dueAt ? [{ text: t('request_extended.due', { dueDate: date(request.dueAt) }) }] : []),
        ...(request?.extension ? [{ text: t('request_extended.reason', { reason: request.extension.reason }) }] : []),
        { text: t('request.link', { url: requestsUrl }), link: requestsUrl },
      ];
  }
}

/** One mail to a member about a request of theirs, in their language (the erasure's confirmation has no request left to read). */
export function renderRequestMail(input: { kind: RequestMailKind; lang: Lang; request: StoredMemberRequest | null; appUrl: string }): RenderedMail {
  const { kind, lang } = input;
  const t = mailTranslator(lang);
  const paragraphs: Paragraph[] = [
    { text: t('greeting') },
    ...requestParagraphs(kind, t, input.request, lang, `${input.appUrl}/my-data`),
    { text: t('footer') },
  ];
  return assembleMail(lang, t(`subject.${kind}`), paragraphs);
}
