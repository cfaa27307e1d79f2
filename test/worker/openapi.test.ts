/** The OpenAPI document is generated from the same fields and limits that validate requests. */
import { describe, expect, it } from 'vitest';
import { endpointList } from '../../shared/src/endpoints.ts';
import { describeRange } from '../../shared/src/params.ts';
import { get } from './helpers.ts';

type Json = Record<string, any>;
let doc: Json;

describe('/v1/openapi.json', () => {
  it('is OpenAPI 3.1 JSON', async () => {
    const res = await get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    doc = (await res.json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail']);
  });

  it.each(endpointList.map((e) => [e.path, e] as const))('documents /v1/%s with every parameter and its range', (_path, e) => {
    const op = doc.paths[`/v1/${e.path}`].get;
    expect(op.operationId).toBe(e.name);
    expect(op.summary).toBe(e.summary);
    const byName = Object.fromEntries((op.parameters as Json[]).map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(e.fields).sort());
    for (const [name, f] of Object.entries(e.fields)) {
      const p = byName[name];
      expect(p.in).toBe('query');
      expect(p.required).toBe(f.default === undefined);
      expect(p.description).toContain(f.description);
      expect(p.description).toContain(describeRange(f));
      const s = p.schema;
      if (f.default !== undefined) expect(s.default).toBe(f.default);
      if (f.type === 'enum') {
        expect(s).toMatchObject({ type: 'string', enum: [...f.values] });
      } else if (f.type === 'intlist') {
        expect(s).toMatchObject({ type: 'string', 'x-items': { type: 'integer', minimum: f.min, maximum: f.max }, 'x-min-items': f.minLength, 'x-max-items': f.maxLength });
      } else {
        expect(s.type).toBe(f.type);
        expect(s.maximum).toBe(f.max);
        if (f.type === 'number' && f.exclusiveMin) {
          expect(s.exclusiveMinimum).toBe(f.min);
          expect(s.minimum).toBeUndefined();
        } else {
          expect(s.minimum).toBe(f.min);
        }
      }
    }
    expect(op.responses['200'].content['application/json']).toBeDefined();
    expect(op.responses['400'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    const limits = e.limits ?? [];
    if (limits.length) {
      expect(op.responses['422'].content['application/problem+json']).toBeDefined();
      expect(op['x-limits'].map((l: Json) => [l.name, l.maximum])).toEqual(limits.map((l) => [l.name, l.worker]));
      for (const l of limits) expect(op.description).toContain(l.name);
    } else {
      expect(op.responses['422']).toBeUndefined();
    }
  });

  it('documents the permalink, health and problem responses', () => {
    const r = doc.paths['/v1/results/{id}'].get;
    expect(Object.keys(r.responses).sort()).toEqual(['200', '304', '400', '404', '500']);
    expect(r.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/v1/health']).toBeDefined();
    expect(doc.paths['/v1/openapi.json']).toBeDefined();
  });
});
