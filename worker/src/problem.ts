/**
 * RFC 9457 problem details. Every error the API returns is one of these, with
 * Content-Type application/problem+json. Parameter problems carry `errors`, one entry per
 * offending parameter (or named limit), so a client can point at the field it got wrong.
 */
import type { ParamIssue } from '../../shared/src/params.ts';

export const PROBLEM_TYPE = 'application/problem+json';

/** Problem kinds with their own `type` URI; each resolves to a short description at /v1/problems/{slug}. */
export const problemKinds = {
  'invalid-parameters': {
    title: 'Invalid parameters',
    status: 400,
    description: 'A query parameter is missing, not a number, outside its allowed range, not one of the allowed values, given twice, or unknown. `errors` names each parameter with its allowed range.',
  },
  'limit-exceeded': {
    title: 'Request exceeds a cost limit',
    status: 422,
    description: 'The parameters are valid but the computation is too large for a Worker (memory, CPU). `errors` names the limit (e.g. M*N, p*N, work), its value and the bound; run it locally with the `bbp` CLI instead.',
  },
  'invalid-result-id': {
    title: 'Invalid result id',
    status: 400,
    description: 'A result id is 64 lower-case hexadecimal characters (the SHA-256 of the canonical request).',
  },
  'result-not-found': {
    title: 'Result not found',
    status: 404,
    description: 'No result is stored under this id. Results are stored when first computed; request the computation again to recreate it.',
  },
  'corrupted-result': {
    title: 'Stored result failed verification',
    status: 500,
    description: 'The stored blob for this id does not match its content address and could not be recomputed; it was not served.',
  },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ParamIssue[];
}

/** The `type` URI of a problem kind (a relative reference resolving against the API origin). */
export const problemType = (kind: ProblemKind): string => `/v1/problems/${kind}`;

export function problemOf(kind: ProblemKind, detail: string, errors?: ParamIssue[], instance?: string): Problem {
  const k = problemKinds[kind];
  return { type: problemType(kind), title: k.title, status: k.status, detail, ...(instance ? { instance } : {}), ...(errors ? { errors } : {}) };
}

/** Plain HTTP problems (no extra semantics beyond the status): type about:blank, title = reason phrase. */
export function httpProblem(status: 404 | 405 | 500, detail: string, instance?: string): Problem {
  const title = { 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' }[status];
  return { type: 'about:blank', title, status, detail, ...(instance ? { instance } : {}) };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}

/** A validation failure from the schema: 400 (malformed) or 422 (a cost limit). */
export function parameterProblem(status: 400 | 422, issues: ParamIssue[], instance?: string): Problem {
  const detail = issues.map((i) => i.message).join('; ');
  return problemOf(status === 422 ? 'limit-exceeded' : 'invalid-parameters', detail, issues, instance);
}
