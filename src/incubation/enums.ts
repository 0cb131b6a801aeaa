import { registerEnumType } from 'type-graphql';

export enum ProjectStage {
  IDEA = 'IDEA',
  INCUBATING = 'INCUBATING',
  PILOT = 'PILOT',
  GRADUATED = 'GRADUATED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Where an incubation project (孵化项目) stands, from idea to graduation; GRADUATED and TERMINATED are final.',
  valuesConfig: {
    IDEA: { description: '创意: passing the gate needs at least one partner.' },
    INCUBATING: { description: '孵化: passing the gate needs a completed milestone.' },
    PILOT: { description: '中试: passing the gate needs recorded funding.' },
    GRADUATED: { description: '转化 (final).' },
    TERMINATED: { description: 'Killed at a gate, with a reason (final).' },
  },
});

export enum GateVerdict {
  PASS = 'PASS',
  HOLD = 'HOLD',
  KILL = 'KILL',
}
registerEnumType(GateVerdict, {
  name: 'GateVerdict',
  description: 'The decision at a stage gate (阶段评审) of an incubation project.',
  valuesConfig: {
    PASS: { description: 'On to the next stage, when the gate’s condition is met.' },
    HOLD: { description: 'Stays in its stage; the decision is recorded.' },
    KILL: { description: 'TERMINATED; the comment is the reason and is required.' },
  },
});

export enum PartnerKind {
  UNION = 'UNION',
  COLLEGE = 'COLLEGE',
  MARKET_COMPANY = 'MARKET_COMPANY',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
}
registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'What kind of partner (合作方) works with an incubation project.',
  valuesConfig: {
    UNION: { description: '工会' },
    COLLEGE: { description: '院校' },
    MARKET_COMPANY: { description: '市场经营公司' },
    FINANCIAL_INSTITUTION: { description: '金融机构' },
  },
});

export enum FundingSourceKind {
  UNION = 'UNION',
  COLLEGE = 'COLLEGE',
  MARKET_COMPANY = 'MARKET_COMPANY',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
  GOVERNMENT = 'GOVERNMENT',
  ENTERPRISE = 'ENTERPRISE',
  OTHER = 'OTHER',
}
registerEnumType(FundingSourceKind, { name: 'FundingSourceKind', description: 'Where money came from: the partner kinds, government, the enterprise, other.' });
