import { ModelEntry, ModelList, ModelParams } from '../schemas/model';
import { json, route } from './route';

export const listModels = route({
  operationId: 'listModels',
  method: 'get',
  path: '/models',
  summary: 'The model registry',
  caller: 'person',
  permissions: ['staff.read'],
  responses: { 200: json(ModelList) },
});

export const getModel = route({
  operationId: 'getModel',
  method: 'get',
  path: '/models/:modelId/:version',
  summary: 'One model version: owner, description, labels of its features and reason codes',
  caller: 'person',
  permissions: ['staff.read'],
  params: ModelParams,
  responses: { 200: json(ModelEntry) },
});

export const putModel = route({
  operationId: 'putModel',
  method: 'put',
  path: '/models',
  summary: 'Register or replace a model version (admin)',
  caller: 'person',
  permissions: ['models.manage'],
  body: ModelEntry,
  responses: { 200: json(ModelEntry, 'Replaced'), 201: json(ModelEntry, 'Registered') },
});

export const modelRoutes = [listModels, getModel, putModel];
