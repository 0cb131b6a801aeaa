import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: what a worker copies from paper they get right. 25 characters. */
export const PASS_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
/** 12 characters of 25: about 56 bits, beyond guessing under the entry throttle. */
export const PASS_LENGTH = 12;

/** A new pass code, shown in groups of four (e.g. 7KQM-XA3T-PRW9). */
export function newPassCode(): string {
  let raw = '';
  for (let i = 0; i < PASS_LENGTH; i++) raw += PASS_ALPHABET[randomInt(PASS_ALPHABET.length)];
  return raw.match(/.{4}/g)!.join('-');
}

/** What a taker typed, as stored: upper case, without spaces or dashes, full-width folded. */
export function normalizePassCode(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

export function passCodeHash(typed: string): string {
  return createHash('sha256').update(normalizePassCode(typed)).digest('hex');
}
