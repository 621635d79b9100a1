import { useMutation } from '@tanstack/react-query';
import { freezeReport as route } from '@shared/contract/reports';
import type { NewReport } from '@shared/schemas/reports';
import { call } from '../../../lib/call';

const send = call(route);

/** Freezes the figures of a period as of now; the server answers with the frozen report. */
export const freezeReport = (body: NewReport) => send({ body });

// The app's mutation cache invalidates every read on success, so the list refetches.
export const useFreezeReport = () => useMutation({ mutationFn: freezeReport });
