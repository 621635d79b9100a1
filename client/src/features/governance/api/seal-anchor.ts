import { useMutation } from '@tanstack/react-query';
import { Anchor } from '@shared/schemas/audit';
import { api } from '../../../lib/api-client';

/**
 * Seals the chain heads now (say, before a regulator's export). The server answers with the new
 * anchor, or the latest one when nothing changed since; null only when there is nothing to seal.
 */
export const sealAnchor = () => api.post('/api/audit/anchors', undefined, Anchor.nullable());

// The app's mutation cache invalidates every read on success, so the anchor list refetches.
export const useSealAnchor = () => useMutation({ mutationFn: sealAnchor });
