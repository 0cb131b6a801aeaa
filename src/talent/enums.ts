import { registerEnumType } from 'type-graphql';

/** How an enterprise rewards its chief technician (首席技师激励方式); the amount and terms are data on the designation. */
export enum ChiefTechnicianIncentive {
  ANNUAL_SALARY = 'ANNUAL_SALARY',
  EQUITY = 'EQUITY',
  OPTIONS = 'OPTIONS',
  ALLOWANCE = 'ALLOWANCE',
}
registerEnumType(ChiefTechnicianIncentive, {
  name: 'ChiefTechnicianIncentive',
  description: 'How an enterprise rewards its chief technician (激励方式); the amount and terms are recorded with the designation.',
  valuesConfig: {
    ANNUAL_SALARY: { description: 'An annual salary (年薪制); amount in yuan per year.' },
    EQUITY: { description: 'A share in the enterprise (股权激励); amount is the value agreed, in yuan.' },
    OPTIONS: { description: 'Share options (期权激励); amount is the value agreed, in yuan.' },
    ALLOWANCE: { description: 'A chief technician allowance (津贴); amount in yuan per month.' },
  },
});

export enum ChiefTechnicianOrderField {
  TERM_FROM = 'termFrom',
  CREATED_AT = 'createdAt',
}
