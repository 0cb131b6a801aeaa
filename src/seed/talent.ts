import type { SeedClient } from './client.js';
import type { SeedRegistry } from './registry.js';

export interface SeedTalent {
  chiefTechnicians: number;
  allowanceStandards: number;
}

/** Enterprises (by seed index) that record a skill allowance standard: state-owned, private and foreign-invested ones. */
const STANDARDS: [index: number, rates: [level: string, yuan: string][]][] = [
  [0, [['SENIOR', '200.00'], ['TECHNICIAN', '500.00'], ['SENIOR_TECHNICIAN', '800.00']]],
  [1, [['INTERMEDIATE', '100.00'], ['SENIOR', '180.00'], ['TECHNICIAN', '450.00'], ['SENIOR_TECHNICIAN', '700.00']]],
  [5, [['SENIOR', '150.00'], ['TECHNICIAN', '380.50'], ['SENIOR_TECHNICIAN', '600.00']]],
  [10, [['TECHNICIAN', '600.00'], ['SENIOR_TECHNICIAN', '1000.00']]],
];
/** Enterprises that designate a chief technician, with the incentive. */
const CHIEFS: [index: number, incentive: string, amount: string | null, notes: string | null][] = [
  [0, 'ANNUAL_SALARY', '180000.00', '年薪制，按年度考核兑现'],
  [1, 'ALLOWANCE', '1500.00', null],
  [5, 'EQUITY', '300000.00', '三年内分期归属'],
  [8, 'OPTIONS', null, '期权授予方案经董事会批准'],
  [10, 'ALLOWANCE', '2000.00', null],
];

/**
 * Issue 15 §3 in the demo: allowance standards of four enterprises (each with an earlier one, so the
 * history shows), and chief technicians of five, one of them after a predecessor whose term ended early.
 */
export async function seedTalent(c: SeedClient, admin: string, reg: SeedRegistry): Promise<SeedTalent> {
  const year = new Date().getUTCFullYear();
  let allowanceStandards = 0;
  for (const [i, rates] of STANDARDS) {
    const enterpriseId = reg.enterprises[i]!.id;
    const earlier = rates.map(([level, yuan]) => ({ level, yuanPerMonth: (Number(yuan) * 0.8).toFixed(2) }));
    await c.mutate(admin, 'recordSkillAllowanceStandard', 'RecordSkillAllowanceStandardInput', { enterpriseId, effectiveFrom: `${year - 2}-01-01`, rates: earlier }, 'standard { id }');
    await c.mutate(admin, 'recordSkillAllowanceStandard', 'RecordSkillAllowanceStandardInput',
      { enterpriseId, effectiveFrom: `${year}-01-01`, rates: rates.map(([level, yuanPerMonth]) => ({ level, yuanPerMonth })) }, 'standard { id }');
    allowanceStandards += 2;
  }
  let chiefTechnicians = 0;
  for (const [i, incentive, amount, notes] of CHIEFS) {
    const enterpriseId = reg.enterprises[i]!.id;
    const technicians = reg.workers.filter((w) => w.enterpriseId === enterpriseId && ['TECHNICIAN', 'SENIOR_TECHNICIAN'].includes(w.skillLevel));
    const [chief, predecessor] = technicians;
    if (!chief) continue;
    if (predecessor && i === 1) {
      const { chiefTechnician } = await c.mutate(admin, 'designateChiefTechnician', 'DesignateChiefTechnicianInput',
        { workerId: predecessor.id, termFrom: `${year - 2}-01-01`, termTo: `${year}-12-31`, incentive: 'ALLOWANCE', incentiveAmount: '1200.00' }, 'chiefTechnician { id }');
      await c.mutate(admin, 'endChiefTechnicianTerm', 'EndChiefTechnicianTermInput', { chiefTechnicianId: chiefTechnician.id, endedOn: `${year - 1}-06-30`, reason: '退休' }, 'chiefTechnician { id }');
      chiefTechnicians += 1;
    }
    await c.mutate(admin, 'designateChiefTechnician', 'DesignateChiefTechnicianInput', {
      workerId: chief.id, termFrom: `${year - 1}-07-01`, termTo: `${year + 2}-06-30`, incentive, incentiveAmount: amount, incentiveNotes: notes,
    }, 'chiefTechnician { id }');
    chiefTechnicians += 1;
  }
  return { chiefTechnicians, allowanceStandards };
}
