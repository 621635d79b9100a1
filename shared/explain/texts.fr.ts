import type { Texts } from './texts';
import type { FraudResult } from './outcome';

/** French typography: a no-break space before : ; and inside « », so they never start a line. */
const NB = '\u00a0';

const fraudNow: Record<FraudResult, string> = {
  cleared: 'votre demande suit son cours normal',
  held: 'le paiement de votre demande est suspendu',
  referred: 'un membre de notre personnel examine votre demande de plus près',
};
const fraudBefore: Record<FraudResult, string> = {
  cleared: 'Le contrôle automatique n’avait rien relevé d’inhabituel.',
  held: 'Le contrôle automatique avait suspendu le paiement.',
  referred: 'Le contrôle automatique avait transmis la demande pour un examen plus approfondi.',
};
const points = (n: string, singular: boolean) => `${n} ${singular ? 'point' : 'points'}`;

export const fr: Texts = {
  missingLabel: (raw) => `«${NB}${raw}${NB}» (pas encore de description)`,
  quote: (word) => `«${NB}${word}${NB}»`,
  unknownValue: 'inconnu',
  yes: 'oui',
  no: 'non',
  scoreOutOf100: (n) => `${n} sur 100`,
  bands: { low: 'faible', medium: 'moyen', high: 'élevé', very_high: 'très élevé' },

  headline: {
    renewal: ({ from, to, difference, direction }) =>
      direction === 'same'
        ? `Votre prime annuelle reste de ${to}.`
        : `Votre prime annuelle passe de ${from} à ${to}, soit ${difference} de ${direction === 'up' ? 'plus' : 'moins'}.`,
    renewalOverridden: ({ from, to, original }) =>
      `Un membre de notre personnel a réexaminé cette décision et modifié votre prime annuelle${NB}: elle passe de ${from} à ${to}, au lieu du montant de ${original} fixé par la décision automatique.`,
    fraud: ({ claimId, result }) =>
      ({
        cleared: `Un contrôle automatique de votre demande de remboursement ${claimId} n’a rien relevé d’inhabituel${NB}: elle suit son cours normal.`,
        held: `Un contrôle automatique a suspendu le paiement de votre demande de remboursement ${claimId} jusqu’à ce qu’un membre de notre personnel l’ait examinée.`,
        referred: `Un contrôle automatique a transmis votre demande de remboursement ${claimId} à un membre de notre personnel pour un examen plus approfondi.`,
      })[result],
    fraudOverridden: ({ claimId, result, original }) =>
      `Un membre de notre personnel a réexaminé le contrôle automatique de votre demande de remboursement ${claimId} et en a modifié le résultat${NB}: ${fraudNow[result]}. ${fraudBefore[original]}`,
    fraudRestricted: ({ claimId, held }) =>
      held
        ? `Un contrôle automatique a mis votre demande de remboursement ${claimId} en attente pour qu’un membre de notre personnel l’examine.`
        : `Un membre de notre personnel examine le contrôle automatique de votre demande de remboursement ${claimId}.`,
    risk: ({ band }) => `Notre modèle de risque vous place dans le groupe à risque ${band}.`,
    // Worded around "vous êtes" so the sentence needs no gender agreement.
    riskOverridden: ({ band, original }) =>
      `Un membre de notre personnel a réexaminé votre score de risque et l’a modifié${NB}: vous êtes désormais dans le groupe à risque ${band}, au lieu du groupe à risque ${original} choisi par le modèle.`,
  },

  factor: {
    subject: (label, value) => `${label} (${value})`,
    renewal: {
      raised: ({ subject, amount }) => `${subject}${NB}: cela a augmenté votre prime de ${amount}.`,
      lowered: ({ subject, amount }) => `${subject}${NB}: cela a réduit votre prime de ${amount}.`,
      none: ({ subject }) => `${subject}${NB}: cela n’a pas modifié votre prime.`,
    },
    fraud: {
      raised: ({ subject, points: n, singular }) => `${subject}${NB}: cela a ajouté ${points(n, singular)} au score du contrôle.`,
      lowered: ({ subject, points: n, singular }) => `${subject}${NB}: cela a retiré ${points(n, singular)} du score du contrôle.`,
      none: ({ subject }) => `${subject}${NB}: cela n’a pas modifié le score du contrôle.`,
    },
    risk: {
      raised: ({ subject, points: n, singular }) => `${subject}${NB}: cela a ajouté ${points(n, singular)} à votre score de risque.`,
      lowered: ({ subject, points: n, singular }) => `${subject}${NB}: cela a retiré ${points(n, singular)} de votre score de risque.`,
      none: ({ subject }) => `${subject}${NB}: cela n’a pas modifié votre score de risque.`,
    },
  },

  factorWithoutAmount: {
    renewal: { raised: (s) => `${s}${NB}: cela a augmenté votre prime.`, lowered: (s) => `${s}${NB}: cela a réduit votre prime.` },
    fraud: { raised: (s) => `${s}${NB}: cela a augmenté le score du contrôle.`, lowered: (s) => `${s}${NB}: cela a réduit le score du contrôle.` },
    risk: { raised: (s) => `${s}${NB}: cela a augmenté votre score de risque.`, lowered: (s) => `${s}${NB}: cela a réduit votre score de risque.` },
  },
  figuresNotReconciled: `Les montants que le modèle a donnés pour ces facteurs ne correspondent pas à son résultat${NB}; c’est pourquoi nous ne les affichons pas. Les facteurs sont classés du plus fort au plus faible. Un membre de notre personnel peut vous expliquer comment le résultat a été calculé${NB}: contestez cette décision ou demandez son réexamen.`,

  counterfactual: {
    sentence: ({ label, from, to, consequence }) => `${label}${NB}: avec ${to} au lieu de ${from}, ${consequence}.`,
    renewal: 'votre prime aurait été plus basse',
    fraudHeld: 'votre demande n’aurait pas été retenue pour un contrôle',
    fraudCleared: 'le résultat du contrôle aurait pu être différent',
    risk: 'vous auriez pu être dans un groupe à risque plus faible',
  },
  noCounterfactual: `Si une information que nous avons utilisée à votre sujet est fausse ou dépassée, dites-le-nous${NB}: avec des informations correctes, le résultat peut être différent.`,

  details: {
    madeOn: ({ date, version }) => `Cette décision a été prise automatiquement le ${date} (version du modèle${NB}: ${version}).`,
    overridden: 'Les facteurs expliquent la décision automatique telle qu’elle était avant sa modification par un membre de notre personnel.',
    fraudScale: ({ score, threshold }) =>
      `Le contrôle attribue à chaque demande un score de 0 à 100. Votre demande a obtenu ${score}${NB}; à partir de ${threshold}, un membre de notre personnel l’examine.`,
    riskScale: ({ score }) => `Le score de risque va de 0 (risque le plus faible) à 100 (risque le plus élevé). Le vôtre est de ${score}.`,
    renewalBaseline: ({ base }) => `Le modèle part d’une prime de base de ${base}${NB}; les montants des facteurs sont calculés à partir de celle-ci.`,
    scoreBaseline: ({ base }) => `Le modèle part d’un score de base de ${base}${NB}; chaque facteur y ajoute ou en retire des points.`,
  },

  rights: {
    object: `Vous pouvez vous opposer à cette décision. Dites-nous pourquoi vous n’êtes pas d’accord${NB}; nous vous répondrons dans un délai d’un mois.`,
    human_review:
      'Vous pouvez demander qu’un membre de notre personnel réexamine cette décision. Cette personne revoit votre situation et peut modifier le résultat.',
    complain:
      'Si vous pensez que nous utilisons mal vos données, vous pouvez introduire une plainte auprès de l’Autorité de protection des données (www.autoriteprotectiondonnees.be).',
    access: 'Vous pouvez obtenir une copie de toutes les données que nous conservons à votre sujet, y compris celles utilisées pour cette décision.',
  },
};
