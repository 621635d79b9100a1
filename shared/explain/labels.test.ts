import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../schemas/model';
import { GapLog } from './gaps';
import { featureLabel, reasonText, type LabelContext } from './labels';

const t = (en: string, nl: string, fr: string) => ({ en, nl, fr });
const renewal: ModelEntry = {
  modelId: 'renewal-tariff',
  version: '1',
  type: 'renewal_price',
  owner: 'Pricing team',
  decides: t('This model sets your premium.', 'Dit model bepaalt uw premie.', 'Ce modèle fixe votre prime.'),
  description: t('From your claims.', 'Uit uw claims.', 'À partir de vos demandes.'),
  features: {
    region: { label: t('Region where you live', 'Gewest waar u woont', 'Région où vous habitez'), staffLabel: t('Region', 'Gewest', 'Région'), unit: 'text' },
    age_band: { label: t('Age group', 'Leeftijdsgroep', 'Tranche d’âge'), unit: 'text' },
  },
  reasonCodes: {
    CLAIMS_HISTORY: t('You made claims in the last 12 months.', 'U hebt claims ingediend.', 'Vous avez introduit des demandes.'),
    MEDICAL_INFLATION: t('Medical costs have gone up for everyone.', 'De medische kosten zijn gestegen.', 'Les frais médicaux ont augmenté.'),
  },
  staffReasonCodes: { CLAIMS_HISTORY: t('Claims in the last 12 months.', 'Claims in de afgelopen 12 maanden.', 'Demandes des 12 derniers mois.') },
  monitoredAttributes: ['age_band', 'region'],
};
const ctx = (audience: LabelContext['audience'], lang: LabelContext['lang'] = 'en'): LabelContext => ({
  model: renewal,
  lang,
  currency: 'EUR',
  gaps: new GapLog(),
  audience,
});

describe('staff wording from the registry', () => {
  it('gives staff the staff label where the member’s speaks to the member, and the member label otherwise', () => {
    expect(featureLabel('region', ctx('member'))).toBe('Region where you live');
    expect(featureLabel('region', ctx(undefined))).toBe('Region where you live');
    expect(featureLabel('region', ctx('staff'))).toBe('Region');
    expect(featureLabel('region', ctx('staff', 'nl'))).toBe('Gewest');
    // No staff label: staff read the member's, which speaks to no one.
    expect(featureLabel('age_band', ctx('staff'))).toBe('Age group');
  });

  it('words reason codes for staff without "you", falling back to the member text', () => {
    expect(reasonText('CLAIMS_HISTORY', ctx('member'))).toBe('You made claims in the last 12 months.');
    expect(reasonText('CLAIMS_HISTORY', ctx('staff'))).toBe('Claims in the last 12 months.');
    expect(reasonText('MEDICAL_INFLATION', ctx('staff'))).toBe('Medical costs have gone up for everyone.');
  });
});
