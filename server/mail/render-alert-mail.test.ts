import { describe, expect, it } from 'vitest';
import { renderAlertMail } from './render-alert-mail';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const alert = {
  monitorId: 'mon_1',
  modelId: 'claims-fraud-screen',
  type: 'fraud_flag' as const,
  metric: 'override_rate' as const,
  comparison: 'above' as const,
  subject: 'fraud_flag',
  modelVersion: null,
  attribute: null,
  group: null,
  value: 0.4125,
  threshold: 0.3,
  n: 80,
  crossing: 2,
  raisedAt: '2026-11-25T12:00:00.000Z',
};

describe("governance's alert mail", () => {
  it('says in English which figure crossed which threshold, on how much, with a link to the dashboard', () => {
    const mail = renderAlertMail({ alert, lang: 'en', appUrl: 'https://recourse.example.org' });
    expect(mail.subject).toBe('Monitor alert: override rate of model claims-fraud-screen');
    const text = nbsp(mail.text);
    expect(text).toContain('The override rate of model claims-fraud-screen (fraud checks) is 41.3%: above the threshold of 30% that governance set for it.');
    expect(text).toContain('The figure rests on 80 resolved cases.');
    expect(text).toContain('See the open alerts on the governance dashboard: https://recourse.example.org/governance');
    expect(mail.html).toContain('<a href="https://recourse.example.org/governance">');
  });

  it('words a fairness ratio in French, with the group and the decisions it rests on, and escapes the HTML', () => {
    const mail = renderAlertMail({
      alert: { ...alert, metric: 'fairness_ratio', comparison: 'below', attribute: 'age_band', group: '<18-29>', value: 0.75, threshold: 0.8, n: 1 },
      lang: 'fr',
      appUrl: 'https://recourse.example.org',
    });
    expect(mail.subject).toBe('Alerte de surveillance : ratio d’équité du modèle claims-fraud-screen');
    expect(nbsp(mail.text)).toContain(
      'Le ratio d’équité du groupe age_band = <18-29> du modèle claims-fraud-screen (contrôles de fraude) est de 0,75 : en dessous du seuil de 0,8',
    );
    expect(nbsp(mail.text)).toContain('Ce chiffre repose sur 1 décision.');
    expect(mail.html).toContain('&lt;18-29&gt;');
    expect(mail.html).not.toContain('<18-29>');
  });
});
