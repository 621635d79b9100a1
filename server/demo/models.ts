import { ModelEntry, type FeatureInfo, type LocalizedText, type ModelEntryInput } from '@shared/schemas/model';
import { AGE_BANDS, DEMO_MODELS, REGIONS } from './generator';

/**
 * Registry content for the demo models: every input, value and reason code the generator emits,
 * in en, nl and fr. server/demo/models.test.ts fails when the generator gains a word this lacks.
 */

const t = (en: string, nl: string, fr: string): LocalizedText => ({ en, nl, fr });
const yesNo = { true: t('yes', 'ja', 'oui'), false: t('no', 'nee', 'non') };

// Typed by the generator's own constants, so a new age band or region is a compile error here.
const ageBands: Record<(typeof AGE_BANDS)[number], LocalizedText> = {
  '18-29': t('18 to 29 years', '18 tot 29 jaar', '18 à 29 ans'),
  '30-44': t('30 to 44 years', '30 tot 44 jaar', '30 à 44 ans'),
  '45-59': t('45 to 59 years', '45 tot 59 jaar', '45 à 59 ans'),
  '60-74': t('60 to 74 years', '60 tot 74 jaar', '60 à 74 ans'),
  '75+': t('75 years and over', '75 jaar en ouder', '75 ans et plus'),
};
const regions: Record<(typeof REGIONS)[number], LocalizedText> = {
  Flanders: t('Flanders', 'Vlaanderen', 'Flandre'),
  Wallonia: t('Wallonia', 'Wallonië', 'Wallonie'),
  Brussels: t('Brussels', 'Brussel', 'Bruxelles'),
};

const shared = {
  age_band: { label: t('Age group', 'Leeftijdsgroep', 'Tranche d’âge'), unit: 'text', valueLabels: ageBands },
  region: {
    label: t('Region where you live', 'Gewest waar u woont', 'Région où vous habitez'),
    staffLabel: t('Region', 'Gewest', 'Région'),
    unit: 'text',
    valueLabels: regions,
  },
} satisfies Record<string, FeatureInfo>;

function renewalTariff(version: string): ModelEntryInput {
  return {
    modelId: DEMO_MODELS.renewal.id,
    version,
    type: 'renewal_price',
    owner: 'Pricing team',
    decides: t(
      'This model sets your yearly premium when your policy renews.',
      'Dit model bepaalt uw jaarpremie wanneer uw polis verlengd wordt.',
      'Ce modèle fixe votre prime annuelle lors du renouvellement de votre contrat.',
    ),
    description: t(
      'It starts from your current premium and adds or subtracts a fixed amount for each factor in the published tariff: your claims, the rise in medical costs, your age group, your region, your years with us and your hospital cover.',
      'Het vertrekt van uw huidige premie en telt voor elke factor uit het gepubliceerde tarief een vast bedrag op of af: uw claims, de stijging van de medische kosten, uw leeftijdsgroep, uw gewest, uw jaren bij ons en uw dekking voor ziekenhuisopname.',
      'Il part de votre prime actuelle et ajoute ou retire un montant fixe pour chaque facteur du tarif publié\u00a0: vos demandes de remboursement, la hausse des frais médicaux, votre tranche d’âge, votre région, vos années chez nous et votre couverture hospitalisation.',
    ),
    features: {
      ...shared,
      claims_last_12m: {
        label: t('Claims in the last 12 months', 'Claims in de afgelopen 12 maanden', 'Demandes de remboursement des 12 derniers mois'),
        unit: 'count',
      },
      years_insured: { label: t('Years insured with us', 'Jaren bij ons verzekerd', 'Années d’assurance chez nous'), unit: 'count' },
      hospital_cover: {
        label: t('Hospital cover', 'Dekking voor ziekenhuisopname', 'Couverture hospitalisation'),
        unit: 'boolean',
        valueLabels: { true: t('included', 'inbegrepen', 'incluse'), false: t('not included', 'niet inbegrepen', 'non incluse') },
      },
      medical_inflation_pct: {
        label: t('Rise in medical costs', 'Stijging van de medische kosten', 'Hausse des frais médicaux'),
        unit: 'percent',
      },
    },
    reasonCodes: {
      CLAIMS_HISTORY: t(
        'You made claims in the last 12 months.',
        'U hebt in de afgelopen 12 maanden claims ingediend.',
        'Vous avez introduit des demandes de remboursement au cours des 12 derniers mois.',
      ),
      MEDICAL_INFLATION: t(
        'Medical costs have gone up for everyone.',
        'De medische kosten zijn voor iedereen gestegen.',
        'Les frais médicaux ont augmenté pour tout le monde.',
      ),
      LOYALTY_DISCOUNT: t(
        'You get a discount for the years you have been insured with us.',
        'U krijgt korting voor de jaren dat u bij ons verzekerd bent.',
        'Vous bénéficiez d’une réduction pour vos années d’assurance chez nous.',
      ),
    },
    staffDescription: t(
      'Sets the yearly premium at renewal: the current premium plus or minus the published tariff’s fixed amount per factor (claims, medical inflation, age group, region, years insured, hospital cover).',
      'Bepaalt de jaarpremie bij verlenging: de huidige premie plus of min het vaste bedrag per factor uit het gepubliceerde tarief (claims, medische inflatie, leeftijdsgroep, gewest, verzekerde jaren, dekking ziekenhuisopname).',
      'Fixe la prime annuelle au renouvellement\u00a0: la prime actuelle plus ou moins le montant fixe par facteur du tarif publié (demandes, inflation médicale, tranche d’âge, région, années d’assurance, couverture hospitalisation).',
    ),
    staffReasonCodes: {
      CLAIMS_HISTORY: t('Claims in the last 12 months.', 'Claims in de afgelopen 12 maanden.', 'Demandes de remboursement des 12 derniers mois.'),
      LOYALTY_DISCOUNT: t(
        'Discount for the years insured with us.',
        'Korting voor de jaren verzekerd bij ons.',
        'Réduction pour les années d’assurance chez nous.',
      ),
    },
  };
}

function fraudScreen(version: string): ModelEntryInput {
  return {
    modelId: DEMO_MODELS.fraud.id,
    version,
    type: 'fraud_flag',
    owner: 'Claims integrity team',
    decides: t(
      'This model checks each claim for signs that it needs a closer look before we pay it.',
      'Dit model gaat bij elke claim na of die eerst nagekeken moet worden voordat we betalen.',
      'Ce modèle vérifie pour chaque demande si elle doit être examinée de plus près avant le paiement.',
    ),
    description: t(
      'It adds up points for a few signs, such as the amount claimed, how soon after the start of the policy the claim comes, earlier claims and the care provider. From a set score, a staff member looks at the claim before it is paid; the model never refuses a claim on its own.',
      'Het telt punten op voor enkele signalen, zoals het gevraagde bedrag, hoe snel na de start van de polis de claim komt, eerdere claims en de zorgverlener. Vanaf een vaste score bekijkt een medewerker de claim vóór de betaling; het model weigert zelf nooit een claim.',
      'Il additionne des points pour quelques signaux, comme le montant demandé, le délai depuis le début du contrat, les demandes antérieures et le prestataire de soins. À partir d’un score fixé, un membre de notre personnel examine la demande avant le paiement\u00a0; le modèle ne refuse jamais une demande à lui seul.',
    ),
    features: {
      ...shared,
      claim_amount_cents: { label: t('Amount claimed', 'Gevraagd bedrag', 'Montant demandé'), unit: 'cents' },
      days_since_policy_start: {
        label: t('Time since your policy started', 'Tijd sinds de start van uw polis', 'Temps écoulé depuis le début de votre contrat'),
        staffLabel: t('Time since the policy started', 'Tijd sinds de start van de polis', 'Temps écoulé depuis le début du contrat'),
        unit: 'days',
      },
      prior_claims_24m: {
        label: t('Earlier claims in the last 24 months', 'Eerdere claims in de afgelopen 24 maanden', 'Demandes antérieures des 24 derniers mois'),
        unit: 'count',
      },
      provider_on_watchlist: {
        label: t('Care provider on our watch list', 'Zorgverlener op onze controlelijst', 'Prestataire de soins sur notre liste de surveillance'),
        unit: 'boolean',
        valueLabels: yesNo,
      },
      claim_type: {
        label: t('Type of claim', 'Soort claim', 'Type de demande'),
        unit: 'text',
        valueLabels: {
          hospital: t('hospital stay', 'ziekenhuisopname', 'hospitalisation'),
          outpatient: t('outpatient care', 'ambulante zorg', 'soins ambulatoires'),
          travel_medical: t('medical care abroad', 'medische zorg in het buitenland', 'soins médicaux à l’étranger'),
          luggage: t('luggage', 'bagage', 'bagages'),
        },
      },
    },
    reasonCodes: {
      HIGH_CLAIM_AMOUNT: t(
        'The amount claimed is high compared with similar claims.',
        'Het gevraagde bedrag is hoog in vergelijking met gelijkaardige claims.',
        'Le montant demandé est élevé par rapport à des demandes similaires.',
      ),
      EARLY_CLAIM: t(
        'The claim came soon after the policy started.',
        'De claim werd kort na de start van de polis ingediend.',
        'La demande a été introduite peu après le début du contrat.',
      ),
      PROVIDER_WATCHLIST: t(
        'The care provider is on our list for closer checks.',
        'De zorgverlener staat op onze lijst voor extra controle.',
        'Le prestataire de soins figure sur notre liste de contrôles renforcés.',
      ),
    },
  };
}

function riskScore(version: string): ModelEntryInput {
  return {
    modelId: DEMO_MODELS.risk.id,
    version,
    type: 'risk_score',
    owner: 'Health analytics team',
    decides: t(
      'This model estimates how likely you are to need costly care, so that we can plan our resources and manage financial risk.',
      'Dit model schat in hoe waarschijnlijk het is dat u dure zorg nodig hebt, zodat we onze middelen kunnen plannen en financiële risico’s beheersen.',
      'Ce modèle estime la probabilité que vous ayez besoin de soins coûteux, afin que nous puissions planifier nos moyens et maîtriser les risques financiers.',
    ),
    description: t(
      'It adds up points for your claims in the last 36 months, your age group and any long-term health condition you told us about, and turns the total into a risk group.',
      'Het telt punten op voor uw claims van de afgelopen 36 maanden, uw leeftijdsgroep en een eventuele chronische aandoening die u ons meldde, en zet het totaal om in een risicogroep.',
      'Il additionne des points pour vos demandes de remboursement des 36 derniers mois, votre tranche d’âge et une éventuelle maladie chronique que vous nous avez signalée, puis convertit le total en groupe de risque.',
    ),
    features: {
      ...shared,
      claims_last_36m: {
        label: t('Claims in the last 36 months', 'Claims in de afgelopen 36 maanden', 'Demandes de remboursement des 36 derniers mois'),
        unit: 'count',
      },
      chronic_condition: {
        label: t('Long-term health condition', 'Chronische aandoening', 'Maladie chronique'),
        unit: 'boolean',
        valueLabels: yesNo,
      },
    },
    reasonCodes: {
      FREQUENT_CLAIMS: t(
        'You made more claims than usual in the last 36 months.',
        'U hebt de afgelopen 36 maanden meer claims ingediend dan gewoonlijk.',
        'Vous avez introduit plus de demandes que d’habitude au cours des 36 derniers mois.',
      ),
      CHRONIC_CONDITION: t(
        'You told us about a long-term health condition.',
        'U hebt ons een chronische aandoening gemeld.',
        'Vous nous avez signalé une maladie chronique.',
      ),
    },
    staffDescription: t(
      'Estimates how likely the member is to need costly care (resource planning, financial risk): points for claims in the last 36 months, the age group and a declared long-term condition, turned into a risk group.',
      'Schat in hoe waarschijnlijk het lid dure zorg nodig heeft (planning, financieel risico): punten voor claims van de afgelopen 36 maanden, de leeftijdsgroep en een gemelde chronische aandoening, omgezet in een risicogroep.',
      'Estime la probabilité que l’affilié ait besoin de soins coûteux (planification, risque financier)\u00a0: des points pour les demandes des 36 derniers mois, la tranche d’âge et une maladie chronique déclarée, convertis en groupe de risque.',
    ),
    staffReasonCodes: {
      FREQUENT_CLAIMS: t(
        'More claims than usual in the last 36 months.',
        'Meer claims dan gewoonlijk in de afgelopen 36 maanden.',
        'Plus de demandes que d’habitude au cours des 36 derniers mois.',
      ),
      CHRONIC_CONDITION: t('A long-term health condition was declared.', 'Een chronische aandoening werd gemeld.', 'Une maladie chronique a été déclarée.'),
    },
  };
}

/** Parsed at load, so a text that breaks the schema (empty, too long) fails at start, not in front of a member. */
export const DEMO_MODEL_ENTRIES: ModelEntry[] = [
  ...DEMO_MODELS.renewal.versions.map(renewalTariff),
  ...DEMO_MODELS.fraud.versions.map(fraudScreen),
  ...DEMO_MODELS.risk.versions.map(riskScore),
].map((entry) => ModelEntry.parse(entry));
