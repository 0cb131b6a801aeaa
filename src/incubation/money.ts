/** "0.1" → "0.10", "007" → "7.00": the form PostgreSQL's numeric(14,2) gives back, so the payload matches later reads. */
export function twoDecimals(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole!.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}
