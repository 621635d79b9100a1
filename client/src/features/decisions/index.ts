export { ContestDecisionPage } from './components/contest-decision-page';
export { DecisionPage } from './components/decision-page';
export { MyDecisionsPage } from './components/my-decisions-page';
export { useDecisions } from './api/list-decisions';
