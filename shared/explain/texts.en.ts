import type { Texts } from './texts';
import type { FraudResult } from './outcome';

const fraudNow: Record<FraudResult, string> = {
  cleared: 'your claim is handled the normal way',
  held: 'the payment of your claim is on hold',
  referred: 'a staff member takes a closer look at your claim',
};
const fraudBefore: Record<FraudResult, string> = {
  cleared: 'The automated check had found nothing unusual.',
  held: 'The automated check had put the payment on hold.',
  referred: 'The automated check had passed the claim on for a closer look.',
};
const points = (n: string, singular: boolean) => `${n} ${singular ? 'point' : 'points'}`;

export const en: Texts = {
  missingLabel: (raw) => `"${raw}" (no description yet)`,
  quote: (word) => `“${word}”`,
  unknownValue: 'not known',
  yes: 'yes',
  no: 'no',
  scoreOutOf100: (n) => `${n} out of 100`,
  bands: { low: 'low', medium: 'medium', high: 'high', very_high: 'very high' },

  headline: {
    renewal: ({ from, to, difference, direction }) =>
      direction === 'same'
        ? `Your yearly premium stays at ${to}.`
        : `Your yearly premium goes from ${from} to ${to}, ${difference} ${direction === 'up' ? 'more' : 'less'}.`,
    renewalOverridden: ({ from, to, original }) =>
      `A staff member reviewed this decision and changed your yearly premium: it goes from ${from} to ${to}, instead of the ${original} the automated decision had set.`,
    fraud: ({ claimId, result }) =>
      ({
        cleared: `An automated check of your claim ${claimId} found nothing unusual, so your claim is handled the normal way.`,
        held: `An automated check has put the payment of your claim ${claimId} on hold until a staff member has looked at it.`,
        referred: `An automated check has passed your claim ${claimId} on to a staff member for a closer look.`,
      })[result],
    fraudOverridden: ({ claimId, result, original }) =>
      `A staff member reviewed the automated check of your claim ${claimId} and changed the result: ${fraudNow[result]}. ${fraudBefore[original]}`,
    fraudRestricted: ({ claimId, held }) =>
      held
        ? `An automated check has held your claim ${claimId} so that a staff member can review it.`
        : `A staff member is reviewing the automated check of your claim ${claimId}.`,
    risk: ({ band }) => `Our risk model places you in the ${band} risk group.`,
    riskOverridden: ({ band, original }) =>
      `A staff member reviewed your risk score and placed you in the ${band} risk group; the model had placed you in the ${original} risk group.`,
  },

  factor: {
    subject: (label, value) => `${label} (${value})`,
    renewal: {
      raised: ({ subject, amount }) => `${subject} raised your premium by ${amount}.`,
      lowered: ({ subject, amount }) => `${subject} lowered your premium by ${amount}.`,
      none: ({ subject }) => `${subject} did not change your premium.`,
    },
    fraud: {
      raised: ({ subject, points: n, singular }) => `${subject} added ${points(n, singular)} to the check's score.`,
      lowered: ({ subject, points: n, singular }) => `${subject} took ${points(n, singular)} off the check's score.`,
      none: ({ subject }) => `${subject} did not change the check's score.`,
    },
    risk: {
      raised: ({ subject, points: n, singular }) => `${subject} added ${points(n, singular)} to your risk score.`,
      lowered: ({ subject, points: n, singular }) => `${subject} took ${points(n, singular)} off your risk score.`,
      none: ({ subject }) => `${subject} did not change your risk score.`,
    },
  },

  factorWithoutAmount: {
    renewal: { raised: (s) => `${s} raised your premium.`, lowered: (s) => `${s} lowered your premium.` },
    fraud: { raised: (s) => `${s} raised the check's score.`, lowered: (s) => `${s} lowered the check's score.` },
    risk: { raised: (s) => `${s} raised your risk score.`, lowered: (s) => `${s} lowered your risk score.` },
  },
  figuresNotReconciled:
    'The amounts the model gave for these factors do not add up to its result, so we do not show them: the factors are listed from the strongest to the weakest. A staff member can explain how the result was calculated; object to this decision or ask for a review to hear it.',

  counterfactual: {
    sentence: ({ label, from, to, consequence }) => `${label}: with ${to} instead of ${from}, ${consequence}.`,
    renewal: 'your premium would have been lower',
    fraudHeld: 'your claim would not have been held for a check',
    fraudCleared: 'the result of the check could have been different',
    risk: 'you could have been in a lower risk group',
  },
  noCounterfactual:
    'If any information we used about you is wrong or out of date, let us know: correct information can lead to a different result.',

  details: {
    madeOn: ({ date, version }) => `This decision was made automatically on ${date} (model version ${version}).`,
    overridden: 'The factors explain the automated decision as it was before the staff member changed it.',
    fraudScale: ({ score, threshold }) =>
      `The check gives every claim a score from 0 to 100. Your claim scored ${score}; from ${threshold} on, a staff member looks at the claim.`,
    riskScale: ({ score }) => `The risk score runs from 0 (lowest risk) to 100 (highest risk). Yours is ${score}.`,
    renewalBaseline: ({ base }) => `The model starts from a base premium of ${base}; the amounts of the factors are measured from it.`,
    scoreBaseline: ({ base }) => `The model starts from a base score of ${base}; each factor adds to it or takes from it.`,
  },

  rights: {
    object: 'You can object to this decision. Tell us why you disagree, and we will answer within one month.',
    human_review:
      'You can ask for a staff member to review this decision. That person looks at your situation again and can change the outcome.',
    complain:
      'If you think we use your data wrongly, you can complain to the Belgian Data Protection Authority (www.dataprotectionauthority.be).',
    access: 'You can get a copy of all the data we hold about you, including the data used for this decision.',
  },
};
