import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { metricsCoverage } from '@shared/contract/metrics';
import { listModels, putModel } from '@shared/contract/models';
import type { ModelEntryInput } from '@shared/schemas/model';
import { call } from '../../../lib/call';

const fetchModels = call(listModels);
const fetchCoverage = call(metricsCoverage);
const sendPut = call(putModel);

/** The model registry: every version with its owner and the texts members read. */
export const modelsQuery = () => queryOptions({ queryKey: ['admin', 'models'], queryFn: ({ signal }) => fetchModels({}, { signal }) });
export const useModels = () => useQuery(modelsQuery());

/** Which feature labels and reason-code texts decisions used that the registry lacks (the default period). */
export const modelCoverageQuery = () => queryOptions({ queryKey: ['admin', 'models', 'coverage'], queryFn: ({ signal }) => fetchCoverage({}, { signal }) });
export const useModelCoverage = () => useQuery(modelCoverageQuery());

export const usePutModel = () => useMutation({ mutationFn: (body: ModelEntryInput) => sendPut({ body }) });
