/** Conditional GET: does an If-None-Match header name this result id? (RFC 9110 13.1.2, weak comparison) */
export function matchesEtag(ifNoneMatch: string | undefined | null, id: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === `"${id}"` || t === `W/"${id}"`;
  });
}
