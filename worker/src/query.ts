/** Query string -> raw parameter record for the schema. A repeated parameter is an error, not "last one wins". */
import type { ParamIssue } from '../../shared/src/params.ts';

export function rawQuery(url: URL): { ok: true; raw: Record<string, string> } | { ok: false; issues: ParamIssue[] } {
  const raw: Record<string, string> = {};
  const issues: ParamIssue[] = [];
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(raw, key)) {
      if (!issues.some((i) => i.param === key)) issues.push({ param: key, message: `${key} is given more than once` });
    } else {
      raw[key] = value;
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, raw };
}
