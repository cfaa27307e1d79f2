/**
 * Result storage: the Cache API in front of an R2 bucket. Blobs live in R2 under
 * results/<id>.json with the SHA-256 of their bytes in customMetadata.sha256.
 *
 * Reading from R2 verifies a blob before it is served:
 *  1. its bytes hash to customMetadata.sha256 (bit rot, edited numbers, truncation);
 *  2. it parses as JSON and its {endpoint, params, versions} hash to the requested id;
 *  3. its own id and permalink fields name that id;
 *  4. it is in canonical form (canonicalJson of the parsed value reproduces the bytes).
 * A blob failing any check is reported as corrupt (never served); when check 2 passes the
 * verified request key is returned so the caller can recompute and overwrite it.
 *
 * The cache only ever receives bytes that were just computed or just verified, so a cache
 * hit is served without re-verification (it is a copy in front of a verified store).
 */
import { canonicalJson, permalinkOf, resultId, sha256Hex, type ResultKey } from '../../shared/src/result.ts';

/** Cache API keys live under a private origin so they can never collide with real URLs. */
export const CACHE_ORIGIN = 'https://cache.bbp';
export const cacheKeyOf = (id: string): string => `${CACHE_ORIGIN}/v1/results/${id}`;
export const r2KeyOf = (id: string): string => `results/${id}.json`;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Headers of every result document response (computed, cached, stored or by id). */
export function documentHeaders(id: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    ETag: `"${id}"`,
    'Cache-Control': IMMUTABLE,
    'X-Result-Id': id,
    Link: `<${permalinkOf(id)}>; rel="canonical"`,
  };
}

export type StoredRead =
  | { status: 'hit'; json: string }
  | { status: 'missing' }
  | { status: 'corrupt'; reason: string; key: ResultKey | null };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The request key a document claims, if it has the right shape. */
function claimedKey(doc: unknown): ResultKey | null {
  if (!isRecord(doc)) return null;
  const { endpoint, params, versions } = doc;
  if (typeof endpoint !== 'string' || !isRecord(params) || !isRecord(versions)) return null;
  if (typeof versions.model !== 'string' || typeof versions.generator !== 'string') return null;
  if (!Object.values(params).every((v) => typeof v === 'number' || typeof v === 'string')) return null;
  return { endpoint, params: params as Record<string, number | string>, versions: { model: versions.model, generator: versions.generator } };
}

/**
 * Verify a stored document against the id it was requested by. `sha256` is the content hash
 * recorded when it was written (undefined if the metadata is missing: also a failure).
 */
export async function verifyDocument(
  id: string,
  text: string,
  sha256: string | undefined,
): Promise<{ ok: true } | { ok: false; reason: string; key: ResultKey | null }> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON', key: null };
  }
  const claimed = claimedKey(doc);
  if (!claimed) return { ok: false, reason: 'no {endpoint, params, versions} in the document', key: null };
  let keyId: string;
  try {
    keyId = await resultId(claimed);
  } catch {
    return { ok: false, reason: 'request key not encodable', key: null };
  }
  if (keyId !== id) return { ok: false, reason: `request key hashes to ${keyId}, not the requested id`, key: null };
  // From here the key is the requested one: the caller may recompute from it.
  const key = claimed;
  const d = doc as Record<string, unknown>;
  if (d.id !== id) return { ok: false, reason: `id field ${JSON.stringify(d.id)} is not the requested id`, key };
  if (d.permalink !== permalinkOf(id)) return { ok: false, reason: 'permalink field does not match the id', key };
  if (sha256 === undefined) return { ok: false, reason: 'no content hash in the blob metadata', key };
  const actual = await sha256Hex(text);
  if (actual !== sha256) return { ok: false, reason: `content hash ${actual} differs from the recorded ${sha256}`, key };
  let canonical: string;
  try {
    canonical = canonicalJson(doc);
  } catch {
    return { ok: false, reason: 'document not encodable canonically', key };
  }
  if (canonical !== text) return { ok: false, reason: 'document bytes are not canonical', key };
  return { ok: true };
}

/** Structured log line (wrangler dev / workers logs show console output). */
export function logEvent(event: string, fields: Record<string, unknown>): void {
  console.error(JSON.stringify({ event, ...fields }));
}

export class ResultStore {
  constructor(
    private readonly bucket: R2Bucket,
    private readonly cache: Cache,
  ) {}

  /** A cached copy (bytes stream straight through), or null. */
  async cached(id: string): Promise<Response | null> {
    const hit = await this.cache.match(cacheKeyOf(id));
    return hit ?? null;
  }

  async cachePut(id: string, json: string): Promise<void> {
    await this.cache.put(cacheKeyOf(id), new Response(json, { headers: documentHeaders(id) }));
  }

  async stored(id: string): Promise<StoredRead> {
    const obj = await this.bucket.get(r2KeyOf(id));
    if (!obj) return { status: 'missing' };
    const text = await obj.text();
    const v = await verifyDocument(id, text, obj.customMetadata?.sha256);
    if (!v.ok) return { status: 'corrupt', reason: v.reason, key: v.key };
    return { status: 'hit', json: text };
  }

  /** Write (or overwrite) the blob with its content hash. */
  async put(id: string, json: string): Promise<void> {
    await this.bucket.put(r2KeyOf(id), json, {
      httpMetadata: { contentType: 'application/json' },
      customMetadata: { sha256: await sha256Hex(json) },
    });
  }
}
