/** Shared helpers for the worker tests (run inside workerd with the real bindings). */
import { env, exports } from 'cloudflare:workers';
import { cacheKeyOf, r2KeyOf } from '../../worker/src/storage.ts';

export const ORIGIN = 'http://api.test';

export function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

export const query = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

export const bucket = (): R2Bucket => env.RESULTS;

/** Forget the Cache API copy of a result, so the next read goes to R2. */
export const evict = (id: string): Promise<boolean> => caches.default.delete(cacheKeyOf(id));

export const r2Key = r2KeyOf;

export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail: string; errors?: { param: string; message: string }[] }> {
  return res.json();
}
