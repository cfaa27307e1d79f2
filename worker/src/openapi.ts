/**
 * OpenAPI 3.1 description generated from the catalogue: every endpoint's parameters come
 * from the same field declarations that validate requests (ranges, defaults, enums,
 * descriptions), and its cost limits are listed in words and as `x-limits`.
 */
import { describeRange, type Field } from '../../shared/src/params.ts';
import type { CatalogueEntry, Core } from './core.ts';
import { problemKinds, problemType } from './problem.ts';

type Json = Record<string, unknown>;

export function fieldSchema(f: Field): Json {
  switch (f.type) {
    case 'enum':
      return { type: 'string', enum: [...f.values], ...(f.default !== undefined ? { default: f.default } : {}) };
    case 'integer':
      return { type: 'integer', minimum: f.min, maximum: f.max, ...(f.default !== undefined ? { default: f.default } : {}) };
    case 'intlist':
      // A comma-separated list in the query string; element range and length as extensions.
      return {
        type: 'string',
        pattern: '^[0-9]+(,[0-9]+)*$',
        'x-items': { type: 'integer', minimum: f.min, maximum: f.max },
        'x-min-items': f.minLength,
        'x-max-items': f.maxLength,
        ...(f.default !== undefined ? { default: f.default } : {}),
      };
    case 'number':
      return {
        type: 'number',
        ...(f.exclusiveMin ? { exclusiveMinimum: f.min } : { minimum: f.min }),
        maximum: f.max,
        ...(f.default !== undefined ? { default: f.default } : {}),
      };
  }
}

function parameters(e: CatalogueEntry): Json[] {
  return Object.entries(e.fields).map(([name, f]) => ({
    name,
    in: 'query',
    required: f.default === undefined,
    description: `${f.description}; ${describeRange(f)}${f.default === undefined ? '' : ` (default ${f.default})`}`,
    schema: fieldSchema(f),
  }));
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const problemResponse = (description: string): Json => ({ description, content: problemContent });

const documentHeaders = {
  ETag: { description: 'the result id, quoted', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=31536000, immutable', schema: { type: 'string' } },
  'X-Result-Id': { description: 'the result id', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
};

function operation(e: CatalogueEntry): Json {
  const limits = e.limits ?? [];
  const limitText = limits.length
    ? `\n\nLimits on this API (422 past them; the CLI allows more): ${limits.map((l) => `${l.name} <= ${l.worker} (${l.description})`).join('; ')}.`
    : '';
  const responses: Json = {
    '200': {
      description: 'The result document: the result fields plus id, permalink, endpoint, canonical params and versions. Same request, same bytes.',
      headers: documentHeaders,
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/ResultDocument' },
              {
                type: 'object',
                properties: {
                  endpoint: { const: e.path },
                  params: {
                    type: 'object',
                    properties: Object.fromEntries(Object.entries(e.fields).map(([n, f]) => [n, fieldSchema(f)])),
                    required: Object.keys(e.fields),
                    additionalProperties: false,
                  },
                },
              },
            ],
          },
        },
      },
    },
    '304': { description: 'Not modified (If-None-Match named this result id)' },
    '400': problemResponse(`Malformed input (type ${problemType('invalid-parameters')}): a parameter missing, non-numeric, out of range, unknown, or repeated; \`errors\` names each parameter and its allowed range.`),
  };
  if (limits.length) {
    responses['422'] = problemResponse(`Valid input over a cost limit (type ${problemType('limit-exceeded')}); \`errors[].param\` names the limit (${limits.map((l) => l.name).join(', ')}).`);
  }
  return {
    operationId: e.name,
    tags: [e.path.split('/')[0]],
    summary: e.summary,
    description: `${e.summary}.${e.random ? ' Depends on the seed: same seed, same numbers.' : ' Deterministic (N -> infinity theory).'}${limitText}`,
    parameters: parameters(e),
    responses,
    ...(limits.length ? { 'x-limits': limits.map((l) => ({ name: l.name, description: l.description, maximum: l.worker })) } : {}),
  };
}

export function openApiDocument(core: Core): Json {
  const paths: Json = {};
  for (const e of core.endpoints) paths[`/v1/${e.path}`] = { get: operation(e) };
  paths['/v1/results/{id}'] = {
    get: {
      operationId: 'result',
      tags: ['results'],
      summary: 'A stored result by its content address: byte-identical to the first answer',
      parameters: [{ name: 'id', in: 'path', required: true, description: 'SHA-256 (hex) of the canonical {endpoint, params, versions}', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
      responses: {
        '200': { description: 'The stored document', headers: documentHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/ResultDocument' } } } },
        '304': { description: 'Not modified' },
        '400': problemResponse(`Malformed id (type ${problemType('invalid-result-id')})`),
        '404': problemResponse(`No result stored under this id (type ${problemType('result-not-found')})`),
        '500': problemResponse(`The stored blob failed verification and was not served (type ${problemType('corrupted-result')})`),
      },
    },
  };
  paths['/v1/openapi.json'] = { get: { operationId: 'openapi', tags: ['meta'], summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } };
  paths['/v1/health'] = {
    get: {
      operationId: 'health',
      tags: ['meta'],
      summary: 'Liveness and the model/generator versions results are computed with',
      responses: {
        '200': {
          description: 'ok',
          content: { 'application/json': { schema: { type: 'object', required: ['status', 'versions'], properties: { status: { const: 'ok' }, versions: { $ref: '#/components/schemas/Versions' } } } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'bbp-repro API',
      version: `model ${core.versions.model}, generator ${core.versions.generator}`,
      description:
        'Reproducibility service for "Overparametrization bends the landscape: BBP transitions at initialization in simple Neural Networks" (Annesi, Bocchi, Cammarota, ICLR 2026). ' +
        'Every result is content-addressed: its id is the SHA-256 of the canonical JSON of {endpoint, params, versions}; /v1/results/{id} returns the same bytes forever. ' +
        `Errors are RFC 9457 problem details; problem types: ${Object.keys(problemKinds).map((k) => problemType(k as keyof typeof problemKinds)).join(', ')}.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths,
    components: {
      schemas: {
        Versions: {
          type: 'object',
          required: ['model', 'generator'],
          properties: { model: { type: 'string' }, generator: { type: 'string' } },
        },
        ResultDocument: {
          type: 'object',
          required: ['id', 'permalink', 'endpoint', 'params', 'versions'],
          properties: {
            id: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            permalink: { type: 'string', pattern: '^/v1/results/[0-9a-f]{64}$' },
            endpoint: { type: 'string' },
            params: { type: 'object', additionalProperties: { type: ['number', 'string'] } },
            versions: { $ref: '#/components/schemas/Versions' },
          },
          additionalProperties: true,
        },
        ParamIssue: {
          type: 'object',
          required: ['param', 'message'],
          properties: {
            param: { type: 'string', description: 'the parameter (or named limit) at fault' },
            message: { type: 'string', description: 'what is wrong and the allowed range' },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string', format: 'uri-reference' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string', format: 'uri-reference' },
            errors: { type: 'array', items: { $ref: '#/components/schemas/ParamIssue' } },
          },
        },
      },
    },
  };
}
