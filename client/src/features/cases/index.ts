export { casesQuery, useCases } from './api/list-cases';
export { MemberCasePage } from './components/member-case-page';
export { MyCasesPage } from './components/my-cases-page';
export { ApprovalsCount } from './components/approvals-count';
