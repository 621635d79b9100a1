import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import type { StoredCase, StoredDecision } from '../domain/entities';
import { renderMail } from './render-mail';

const at = '2026-11-25T12:00:00.000Z';
const fraudCase = {
  id: 'case_1',
  decisionId: 'dec_1',
  decisionType: 'fraud_flag',
  memberId: 'M-1',
  origin: 'objection',
  channel: 'portal',
  status: 'withdrawn',
  resolution: null,
  statement: 'The provider is my usual hospital.',
  requestedOutcome: null,
  receivedAt: at,
  dueAt: '2026-12-25T22:59:59.999Z',
  originalDueAt: '2026-12-25T22:59:59.999Z',
  extension: null,
  assignee: null,
  proposal: null,
  resolutionRationale: 'The watchlist entry of the provider was outdated.',
  openedAt: at,
  closedAt: '2026-11-30T09:00:00.000Z',
  version: 2,
} as StoredCase;
const referred = {
  id: 'dec_1',
  type: 'fraud_flag',
  subject: { memberId: 'M-1', claimId: 'C-1' },
  inputs: { claim_amount_cents: 480_000, provider_on_watchlist: true },
  output: { claimId: 'C-1', score: 0.91, threshold: 0.7, flagged: true, action: 'refer_investigation' },
  effectiveOutcome: { claimId: 'C-1', score: 0.91, threshold: 0.7, flagged: true, action: 'refer_investigation' },
  rationale: { reasonCodes: [{ code: 'PROVIDER_WATCHLIST' }], contributions: [{ feature: 'provider_on_watchlist', contribution: 0.4 }] },
} as unknown as StoredDecision;

describe('mail to members, rendered', () => {
  it('asks for information in each language, links the case and keeps the answer date, naming nothing of the case', () => {
    const open = { ...fraudCase, status: 'in_review', closedAt: null, resolutionRationale: null } as StoredCase;
    const subjects = new Set<string>();
    for (const lang of ['en', 'nl', 'fr'] as const) {
      const mail = renderMail({ kind: 'information_requested', lang, case: open, decision: referred, appUrl: 'https://p.example' });
      subjects.add(mail.subject);
      expect(mail.text).toContain('https://p.example/cases/case_1');
      expect(mail.html).toContain('<a href="https://p.example/cases/case_1">');
      expect(mail.text).toMatch(/25/);
      for (const secret of ['provider', 'hospital', 'watchlist', 'C-1']) expect(mail.text + mail.html, `${lang}: ${secret}`).not.toContain(secret);
    }
    expect(subjects.size).toBe(3);
    expect(renderMail({ kind: 'information_requested', lang: 'en', case: open, decision: referred, appUrl: 'https://p.example' }).text).toContain(
      'you will still have our answer by 25 December 2026 at the latest',
    );
  });

  it('words a withdrawal with its date on the members calendar, in English', () => {
    const mail = renderMail({ kind: 'withdrawn', lang: 'en', case: fraudCase, decision: referred, appUrl: 'http://localhost:3000' });
    expect(mail.subject).toBe('You have withdrawn your objection');
    expect(mail.text).toContain('On 30 November 2026 you withdrew your objection to the automated check of your claim.');
  });

  it('says what happens to a referred claim and links the explanation, never a score, threshold, input or reason', () => {
    for (const lang of ['en', 'nl', 'fr'] as const) {
      const mail = renderMail({
        kind: 'outcome_changed',
        lang,
        case: { ...fraudCase, status: 'resolved', resolution: 'overridden' },
        decision: referred,
        appUrl: 'https://p.example',
      });
      expect(mail.text).toContain('https://p.example/decisions/dec_1');
      const everything = mail.text + mail.html;
      for (const secret of ['91', '0.7', '0,7', '70', 'watchlist', 'PROVIDER', 'claim_amount', 'outdated'])
        expect(everything, `${lang}: ${secret}`).not.toContain(secret);
    }
    const resolved = renderMail({
      kind: 'resolved',
      lang: 'nl',
      case: { ...fraudCase, status: 'resolved', resolution: 'confirmed' },
      decision: referred,
      appUrl: 'https://p.example',
    });
    expect(resolved.text).toContain('Uw schadeclaim is doorgegeven voor een nader onderzoek.');
    expect(resolved.text).not.toContain('outdated');
  });
});

describe('mail configuration', () => {
  it('refuses at start an SMTP_URL, MAIL_FROM or APP_URL it cannot use, naming each', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return error instanceof ConfigError ? error.message : String(error);
      }
    };
    expect(problems({ SMTP_URL: 'http://mail.example.org' })).toMatch(/^Invalid configuration: SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(problems({ MAIL_FROM: 'not an address' })).toMatch(/MAIL_FROM: must be an address/);
    expect(problems({ APP_URL: 'https://recourse.example.org/' })).toMatch(/APP_URL: must be the portal origin/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Verzekeraar <no-reply@example.org>' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      mailFrom: 'Verzekeraar <no-reply@example.org>',
      appUrl: 'http://localhost:3000',
    });
  });
});
