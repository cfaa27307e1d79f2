/**
 * Content addressing. A result's identity is the SHA-256 of the canonical JSON of
 * {endpoint, normalised params, versions}: the seed is one of the params, and the model and
 * generator versions make a changed computation a different result instead of a silent edit.
 * The document a door emits (API body, CLI stdout) is the canonical JSON of the result's
 * fields plus this identity, so the same request yields the same bytes everywhere.
 */

export interface Versions {
  model: string;
  generator: string;
}

export interface ResultKey {
  endpoint: string;
  params: Readonly<Record<string, number | string>>;
  versions: Versions;
}

/** Fields every document carries next to the result's own fields. */
export interface Identity extends ResultKey {
  id: string;
  permalink: string;
}

const RESERVED = ['id', 'permalink', 'endpoint', 'params', 'versions'] as const;

/**
 * Canonical JSON: object keys sorted by code unit, no white space, numbers in ECMAScript's
 * shortest round-trip form (specified exactly by the language, so identical in every engine),
 * -0 written as 0. Non-finite numbers and undefined are refused: a result containing them is
 * a bug, not something to paper over with null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return value === 0 ? '0' : JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of a UTF-8 string, lower-case hex. Web Crypto: Node >= 20, workerd, browsers. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += HEX[b];
  return hex;
}

export const resultId = (key: ResultKey): Promise<string> => sha256Hex(canonicalJson(key));

export const permalinkOf = (id: string): string => `/v1/results/${id}`;

export const ID_PATTERN = /^[0-9a-f]{64}$/;

/** The identity of a result: key, id and permalink. */
export async function identify(key: ResultKey): Promise<Identity> {
  const id = await resultId(key);
  return { ...key, id, permalink: permalinkOf(id) };
}

/** The emitted document: the result's fields with its identity beside them, canonical bytes. */
export function documentJson(identity: Identity, result: object): string {
  for (const k of RESERVED) {
    if (k in result) throw new Error(`result field "${k}" collides with the document's identity fields`);
  }
  return canonicalJson({ ...result, ...identity });
}
