import { z } from 'zod';
import { Policies } from '../schemas/policies';
import { Health, Liveness, Readiness } from '../schemas/session';
import { json, route } from './route';

const noStore = { 'Cache-Control': { description: 'no-store', required: true } } as const;

export const health = route({
  operationId: 'health',
  method: 'get',
  path: '/health',
  summary: 'Status and storage kind',
  caller: 'anyone',
  responses: { 200: json(Health) },
});

export const liveness = route({
  operationId: 'liveness',
  method: 'get',
  path: '/health/live',
  summary: 'Liveness: the process answers (restart it when not)',
  caller: 'anyone',
  responses: { 200: { description: 'Alive', schema: Liveness, headers: noStore } },
});

export const readiness = route({
  operationId: 'readiness',
  method: 'get',
  path: '/health/ready',
  summary: 'Readiness: the store answers and its schema is current (send traffic only when 200)',
  caller: 'anyone',
  responses: { 200: { description: 'Ready', schema: Readiness, headers: noStore } },
  problems: { 503: "not_ready: the store does not answer, or its schema is not this version's" },
});

export const openApiDocument = route({
  operationId: 'openApiDocument',
  method: 'get',
  path: '/openapi.json',
  summary: 'This document (OpenAPI 3.1)',
  caller: 'anyone',
  responses: { 200: json(z.looseObject({ openapi: z.string() }), 'OpenAPI 3.1') },
});

export const apiDocs = route({
  operationId: 'apiDocs',
  method: 'get',
  path: '/docs',
  summary: 'This document, browsable (Swagger UI, served from this origin)',
  caller: 'anyone',
  responses: { 200: { description: 'HTML page', media: ['text/html'] } },
});

export const getPolicies = route({
  operationId: 'getPolicies',
  method: 'get',
  path: '/policies',
  summary: 'Policies in force (four-eyes, override bounds, sampling, ingest checks; staff)',
  caller: 'person',
  permissions: ['staff.read'],
  responses: { 200: json(Policies) },
});

export const systemRoutes = [health, liveness, readiness, openApiDocument, apiDocs, getPolicies];
