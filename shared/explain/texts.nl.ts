import type { Texts } from './texts';
import type { FraudResult } from './outcome';

const fraudNow: Record<FraudResult, string> = {
  cleared: 'uw claim wordt gewoon verder behandeld',
  held: 'de betaling van uw claim wordt tegengehouden',
  referred: 'een medewerker bekijkt uw claim grondiger',
};
const fraudBefore: Record<FraudResult, string> = {
  cleared: 'De automatische controle had niets ongewoons gevonden.',
  held: 'De automatische controle had de betaling tegengehouden.',
  referred: 'De automatische controle had de claim doorgegeven voor een grondiger onderzoek.',
};
const points = (n: string, singular: boolean) => `${n} ${singular ? 'punt' : 'punten'}`;

export const nl: Texts = {
  missingLabel: (raw) => `"${raw}" (nog geen omschrijving)`,
  quote: (word) => `“${word}”`,
  unknownValue: 'onbekend',
  yes: 'ja',
  no: 'nee',
  scoreOutOf100: (n) => `${n} op 100`,
  bands: { low: 'laag', medium: 'gemiddeld', high: 'hoog', very_high: 'zeer hoog' },

  headline: {
    renewal: ({ from, to, difference, direction }) =>
      direction === 'same'
        ? `Uw jaarpremie blijft ${to}.`
        : `Uw jaarpremie gaat van ${from} naar ${to}, dat is ${difference} ${direction === 'up' ? 'meer' : 'minder'}.`,
    renewalOverridden: ({ from, to, original }) =>
      `Een medewerker heeft deze beslissing herbekeken en uw jaarpremie aangepast: die gaat van ${from} naar ${to}, in plaats van de ${original} die de automatische beslissing had vastgelegd.`,
    fraud: ({ claimId, result }) =>
      ({
        cleared: `Een automatische controle van uw claim ${claimId} vond niets ongewoons, dus uw claim wordt gewoon verder behandeld.`,
        held: `Een automatische controle heeft de betaling van uw claim ${claimId} tegengehouden tot een medewerker de claim heeft bekeken.`,
        referred: `Een automatische controle heeft uw claim ${claimId} doorgegeven aan een medewerker, die de claim grondiger bekijkt.`,
      })[result],
    fraudOverridden: ({ claimId, result, original }) =>
      `Een medewerker heeft de automatische controle van uw claim ${claimId} herbekeken en de uitkomst gewijzigd: ${fraudNow[result]}. ${fraudBefore[original]}`,
    fraudRestricted: ({ claimId, held }) =>
      held
        ? `Een automatische controle heeft uw claim ${claimId} tegengehouden, zodat een medewerker de claim kan nakijken.`
        : `Een medewerker kijkt de automatische controle van uw claim ${claimId} na.`,
    risk: ({ band }) => `Ons risicomodel plaatst u in de groep met ${band} risico.`,
    riskOverridden: ({ band, original }) =>
      `Een medewerker heeft uw risicoscore herbekeken en u in de groep met ${band} risico geplaatst; het model had u in de groep met ${original} risico geplaatst.`,
  },

  factor: {
    subject: (label, value) => `${label} (${value})`,
    renewal: {
      raised: ({ subject, amount }) => `${subject}: hierdoor werd uw premie ${amount} hoger.`,
      lowered: ({ subject, amount }) => `${subject}: hierdoor werd uw premie ${amount} lager.`,
      none: ({ subject }) => `${subject}: dit veranderde niets aan uw premie.`,
    },
    fraud: {
      raised: ({ subject, points: n, singular }) => `${subject}: hierdoor steeg de score van de controle met ${points(n, singular)}.`,
      lowered: ({ subject, points: n, singular }) => `${subject}: hierdoor daalde de score van de controle met ${points(n, singular)}.`,
      none: ({ subject }) => `${subject}: dit veranderde niets aan de score van de controle.`,
    },
    risk: {
      raised: ({ subject, points: n, singular }) => `${subject}: hierdoor steeg uw risicoscore met ${points(n, singular)}.`,
      lowered: ({ subject, points: n, singular }) => `${subject}: hierdoor daalde uw risicoscore met ${points(n, singular)}.`,
      none: ({ subject }) => `${subject}: dit veranderde niets aan uw risicoscore.`,
    },
  },

  factorWithoutAmount: {
    renewal: { raised: (s) => `${s}: hierdoor werd uw premie hoger.`, lowered: (s) => `${s}: hierdoor werd uw premie lager.` },
    fraud: { raised: (s) => `${s}: hierdoor steeg de score van de controle.`, lowered: (s) => `${s}: hierdoor daalde de score van de controle.` },
    risk: { raised: (s) => `${s}: hierdoor steeg uw risicoscore.`, lowered: (s) => `${s}: hierdoor daalde uw risicoscore.` },
  },
  figuresNotReconciled:
    'De bedragen die het model voor deze factoren gaf, tellen niet op tot de uitkomst; daarom tonen we ze niet. De factoren staan van de sterkste naar de zwakste. Een medewerker kan uitleggen hoe de uitkomst berekend werd: maak bezwaar tegen deze beslissing of vraag een herziening.',

  counterfactual: {
    // Dutch puts the verb second after the opening phrase: "met 0 in plaats van 3 wás uw premie …".
    sentence: ({ label, from, to, consequence }) => `${label}: met ${to} in plaats van ${from} ${consequence}.`,
    renewal: 'was uw premie lager geweest',
    fraudHeld: 'was uw claim niet tegengehouden voor controle',
    fraudCleared: 'had de controle een andere uitkomst kunnen geven',
    risk: 'had u in een groep met een lager risico kunnen zitten',
  },
  noCounterfactual:
    'Klopt een gegeven dat we over u gebruikten niet, of is het verouderd? Laat het ons weten: met juiste gegevens kan de uitkomst anders zijn.',

  details: {
    madeOn: ({ date, version }) => `Deze beslissing werd automatisch genomen op ${date} (modelversie ${version}).`,
    overridden: 'De factoren verklaren de automatische beslissing zoals die was vóór de aanpassing door de medewerker.',
    fraudScale: ({ score, threshold }) =>
      `De controle geeft elke claim een score van 0 tot 100. Uw claim kreeg ${score}; vanaf ${threshold} bekijkt een medewerker de claim.`,
    riskScale: ({ score }) => `De risicoscore loopt van 0 (laagste risico) tot 100 (hoogste risico). Uw score is ${score}.`,
    renewalBaseline: ({ base }) => `Het model vertrekt van een basispremie van ${base}; de bedragen van de factoren gelden ten opzichte daarvan.`,
    scoreBaseline: ({ base }) => `Het model vertrekt van een basisscore van ${base}; elke factor telt daar iets bij op of trekt er iets van af.`,
  },

  rights: {
    object:
      'U kunt bezwaar maken tegen deze beslissing. Laat ons weten waarom u het er niet mee eens bent; u krijgt binnen een maand een antwoord.',
    human_review:
      'U kunt vragen dat een medewerker deze beslissing opnieuw bekijkt. Die persoon bekijkt uw situatie en kan de uitkomst veranderen.',
    complain:
      'Vindt u dat wij uw gegevens niet correct gebruiken? Dan kunt u een klacht indienen bij de Gegevensbeschermingsautoriteit (www.gegevensbeschermingsautoriteit.be).',
    access: 'U kunt een kopie krijgen van alle gegevens die wij over u bewaren, ook van de gegevens die voor deze beslissing gebruikt zijn.',
  },
};
