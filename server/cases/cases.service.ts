import type { StoredDecision } from '../storage/store';
import { createCaseCommands } from './case-commands.service';
import { createCaseInformation } from './case-information.service';
import { createCaseContext, type CaseDeps } from './case-context';
import { createObjectionService } from './objections.service';
import { createQueueService } from './queue.service';
import { sampleFor } from './sampling';

/**
 * The case service, composed of its rooms: sampling (a new decision's sample case), objections,
 * the queue (reading cases) and the commands that move a case through its states.
 */
export function createCaseService(deps: CaseDeps) {
  const ctx = createCaseContext(deps);
  return {
    /** The sample case of a decision about to be recorded, if drawn (see sampling.ts). */
    sampleFor: (decision: StoredDecision, now: Date) => sampleFor(decision, deps.policies.sampling, now),
    ...createObjectionService(ctx),
    ...createQueueService(ctx),
    ...createCaseCommands(ctx),
    ...createCaseInformation(ctx),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
