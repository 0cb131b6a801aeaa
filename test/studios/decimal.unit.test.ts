import { canonicalMoney, DecimalScalar } from '../../src/studios/decimal';

describe('Decimal scalar', () => {
  it('gives strings back as they are, exact', () => {
    expect(DecimalScalar.serialize('12500.50')).toBe('12500.50');
    expect(canonicalMoney('007.5')).toBe('7.50');
  });

  it('rounds a number half up to two decimals, exactly as the decimal it prints as (no float drift)', () => {
    expect(DecimalScalar.serialize(1.005)).toBe('1.01'); // toFixed would say 1.00 (the float is 1.00499…)
    expect(DecimalScalar.serialize(71.665)).toBe('71.67');
    expect(DecimalScalar.serialize(2.675)).toBe('2.68');
    expect(DecimalScalar.serialize(0.125)).toBe('0.13');
    expect(DecimalScalar.serialize(12500.5)).toBe('12500.50');
    expect(DecimalScalar.serialize(0)).toBe('0.00');
    expect(() => DecimalScalar.serialize(Number.NaN)).toThrow(TypeError);
  });
});
