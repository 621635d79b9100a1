import { z } from 'zod';
import { CaseDetail } from './case';
import { Decision } from './decision';
import { Explanation } from './explanation';
import { Lang } from './model';

/**
 * GDPR Art. 15 (access) and Art. 20 (portability): everything about one member as one document,
 * exactly as that member may see it (member-visible timeline, fraud indicators withheld while a case is open).
 */
export const MemberExport = z.object({
  exportedAt: z.string(),
  memberId: z.string(),
  lang: Lang,
  decisions: z.array(z.intersection(Decision, z.object({ explanation: Explanation }))),
  cases: z.array(z.intersection(CaseDetail.shape.case, z.object({ timeline: CaseDetail.shape.timeline }))),
});
export type MemberExport = z.infer<typeof MemberExport>;
