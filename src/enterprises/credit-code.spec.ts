import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  // Codes of well-known companies, as printed on their business licences.
  it.each([
    ['91440300708461136T', 'Tencent Technology (Shenzhen)'],
    ['914403001922038216', 'Huawei Technologies'],
    ['91330100799655058B', 'Alibaba (China)'],
    ['91110000802100433B', 'Baidu Online Network Technology (Beijing)'],
    ['91110108551385082Q', 'Xiaomi Technology'],
  ])('accepts %s (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character, including the letters and the 0 case', () => {
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
    expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
    expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
  });

  it.each([
    ['91440300708461136A', 'check-character'],
    ['914403001922038217', 'check-character'],
    ['91330100799655085B', 'check-character'],
    ['9144030070846113', 'length'],
    ['91440300708461136TX', 'length'],
    ['91440300708461I36T', 'character'],
    ['91440300708461136t', 'character'],
    ['', 'length'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });
});
