import { ModelEntry } from '@shared/schemas/model';
import type { User } from '@shared/schemas/session';
import { can, isStaff } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { forbidden, notFound } from '../domain/errors';
import type { Store } from '../storage/store';
import { appendStaffLog, staffActor } from '../domain/staff-log';

/** The model registry: labels and texts in en, nl and fr that member explanations are built from. */
export function createModelService({ store, clock }: { store: Store; clock: Clock }) {
  return {
    async list(user: User) {
      if (!isStaff(user)) throw forbidden('forbidden', 'The model registry is for staff.');
      return { items: await store.models.list() };
    },
    async get(user: User, modelId: string, version: string) {
      if (!isStaff(user)) throw forbidden('forbidden', 'The model registry is for staff.');
      const entry = await store.models.get(modelId, version);
      if (!entry) throw notFound(`No model ${modelId} version ${version} in the registry.`);
      return entry;
    },
    /** Admin only; each change is on the staff log. */
    async put(user: User, entry: ModelEntry) {
      if (!can(user, 'models.manage')) throw forbidden('forbidden', 'Only admin changes the model registry.');
      const existed = !!(await store.models.get(entry.modelId, entry.version));
      await store.models.put(entry);
      await appendStaffLog(store, clock, {
        actor: staffActor(user),
        action: 'model_registered',
        subjectDigest: null,
        data: { modelId: entry.modelId, version: entry.version, replaced: existed },
      });
      return { created: !existed, entry };
    },
  };
}

export type ModelService = ReturnType<typeof createModelService>;
