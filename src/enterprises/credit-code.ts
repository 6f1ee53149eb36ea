/** Characters of a unified social credit code (GB 32100-2015): digits and letters except I, O, Z, S, V. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export type CreditCodeProblem = 'length' | 'character' | 'check-character';

/** Check character of the first 17 characters, or null if one is not in the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** What is wrong with a unified social credit code, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((char) => ALPHABET.includes(char))) return 'character';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check-character';
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;
