import { m } from './messages.js';

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); characters 3–8 are the administrative division code;
 * the last is a check character computed from the first 17 with fixed weights, modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Why a credit code is invalid (in the current locale), or null when it is valid. Expects the normalized (upper-case) form. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return m('creditCodeLength');
  for (const ch of code) if (!ALPHABET.includes(ch)) return m('creditCodeCharacter', { character: ch });
  if (!/^\d{6}$/.test(code.slice(2, 8))) return m('creditCodeDivision');
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return m('creditCodeCheck');
  return null;
}

export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}
