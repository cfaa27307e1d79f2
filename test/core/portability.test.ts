/**
 * The core must give the same bits in every engine (README, Reproducibility). ECMAScript leaves
 * the Math functions below and the ** operator to the implementation, and engines do differ
 * (shared/src/math.ts), so the core may use only the portable versions of math.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../../shared/src/', import.meta.url).pathname;
const IMPLEMENTATION_DEFINED =
  /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|hypot|cbrt)\b|\*\*(?!\/)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Code only: comments and string literals removed (they may name Math.log or 'xoshiro128**'). */
const code = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");

it('shared/src calls no implementation-defined Math function and no ** (math.ts has the portable ones)', () => {
  const offenders: string[] = [];
  for (const file of sources(root)) {
    code(readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line) => {
        if (IMPLEMENTATION_DEFINED.test(line)) offenders.push(`${file.slice(root.length)}: ${line.trim()}`);
      });
  }
  expect(sources(root).length).toBeGreaterThan(20);
  expect(offenders).toEqual([]);
});
