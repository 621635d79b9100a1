import { exportAudit } from '@shared/contract/audit';
import type { AuditExportQuery } from '@shared/schemas/audit';
import { urlOf } from '../../../lib/call';

/**
 * A regulator's request: every decision or event of a period, streamed by the server. A plain
 * same-origin link rather than a fetch: the cookie goes along, and the browser writes the stream
 * to disk instead of holding a year of decisions in memory.
 */
export const auditExportUrl = (query: AuditExportQuery) => urlOf(exportAudit, { query });
