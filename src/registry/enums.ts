import { registerEnumType } from 'type-graphql';

export enum Ownership {
  STATE_OWNED = 'STATE_OWNED',
  COLLECTIVE = 'COLLECTIVE',
  PRIVATE = 'PRIVATE',
  MIXED = 'MIXED',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
}
registerEnumType(Ownership, { name: 'Ownership', description: 'Enterprise ownership (所有制).' });

/** Non-public economy (非公企业): the programme reports on these separately. */
export const NON_PUBLIC: readonly Ownership[] = [Ownership.PRIVATE, Ownership.FOREIGN_INVESTED];

export enum EnterpriseSize {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}
registerEnumType(EnterpriseSize, { name: 'EnterpriseSize', description: 'Enterprise size (企业规模) by the national classification.' });

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: 'A worker’s gender (性别).' });

/** 学历: a worker's highest completed education, lowest first. */
export enum Education {
  JUNIOR_HIGH_OR_BELOW = 'JUNIOR_HIGH_OR_BELOW',
  SENIOR_HIGH = 'SENIOR_HIGH',
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL',
  JUNIOR_COLLEGE = 'JUNIOR_COLLEGE',
  BACHELOR = 'BACHELOR',
  POSTGRADUATE = 'POSTGRADUATE',
}
registerEnumType(Education, {
  name: 'Education',
  description: 'A worker’s highest completed education (学历), lowest first.',
  valuesConfig: {
    JUNIOR_HIGH_OR_BELOW: { description: 'Junior high school or below.' },
    SENIOR_HIGH: { description: 'Senior high school.' },
    SECONDARY_VOCATIONAL: { description: 'Secondary vocational or technical school (中专/技校).' },
    JUNIOR_COLLEGE: { description: 'Junior college (大专), higher vocational included.' },
    BACHELOR: { description: 'Bachelor’s degree.' },
    POSTGRADUATE: { description: 'Master’s or doctoral degree.' },
  },
});

/** 职业技能等级, lowest first: the order is used for eligibility ranges and promotions. */
export enum SkillLevel {
  JUNIOR = 'JUNIOR',
  INTERMEDIATE = 'INTERMEDIATE',
  SENIOR = 'SENIOR',
  TECHNICIAN = 'TECHNICIAN',
  SENIOR_TECHNICIAN = 'SENIOR_TECHNICIAN',
}
registerEnumType(SkillLevel, {
  name: 'SkillLevel',
  description: 'A vocational skill level (职业技能等级), lowest first; the order governs eligibility ranges and promotions.',
  valuesConfig: {
    JUNIOR: { description: '初级工 (五级)' },
    INTERMEDIATE: { description: '中级工 (四级)' },
    SENIOR: { description: '高级工 (三级)' },
    TECHNICIAN: { description: '技师 (二级)' },
    SENIOR_TECHNICIAN: { description: '高级技师 (一级)' },
  },
});

export const SKILL_LEVEL_ORDER: readonly SkillLevel[] = [
  SkillLevel.JUNIOR,
  SkillLevel.INTERMEDIATE,
  SkillLevel.SENIOR,
  SkillLevel.TECHNICIAN,
  SkillLevel.SENIOR_TECHNICIAN,
];

export function skillRank(level: SkillLevel | null | undefined): number {
  return level ? SKILL_LEVEL_ORDER.indexOf(level) : -1;
}

export enum HonorKind {
  MODEL_WORKER = 'MODEL_WORKER',
  CRAFTSMAN = 'CRAFTSMAN',
  GOLD_MEDAL_WORKER = 'GOLD_MEDAL_WORKER',
  SKILLED_CRAFTSMAN = 'SKILLED_CRAFTSMAN',
  TECHNICAL_EXPERT = 'TECHNICAL_EXPERT',
  OUTSTANDING_TECHNICIAN = 'OUTSTANDING_TECHNICIAN',
}
registerEnumType(HonorKind, {
  name: 'HonorKind',
  description: 'A title of honour (荣誉称号) a worker holds; some studios need their leader to hold one. Chief technicians (首席技师) are designations by their enterprise, not honors: see Worker.chiefTechnicianDesignations.',
  valuesConfig: {
    MODEL_WORKER: { description: '劳动模范' },
    CRAFTSMAN: { description: '工匠 (港城大工匠)' },
    GOLD_MEDAL_WORKER: { description: '金牌工人' },
    SKILLED_CRAFTSMAN: { description: '能工巧匠' },
    TECHNICAL_EXPERT: { description: '技术能手' },
    OUTSTANDING_TECHNICIAN: { description: '突出贡献技师' },
  },
});

export enum Level {
  ENTERPRISE = 'ENTERPRISE',
  DISTRICT = 'DISTRICT',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  NATIONAL = 'NATIONAL',
}
registerEnumType(Level, { name: 'Level', description: '级别: enterprise, district (县区), city, province, national.' });

/** What an import did with one row (see importWorkers). */
export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What an import did with one row (see importWorkers).',
  valuesConfig: {
    CREATED: { description: 'A new worker (in a dry run: would be created).' },
    UPDATED: { description: 'A worker with this employee number was there and some fields changed (in a dry run: would change).' },
    UNCHANGED: { description: 'A worker with this employee number was there with the same data.' },
  },
});

/**
 * Why a skill level changed (see skill-level-rules.ts for which changes each allows). INITIAL and
 * COMPETITION are written by the system; the others are chosen by whoever records the change.
 */
export enum SkillLevelChangeKind {
  INITIAL = 'INITIAL',
  PROMOTION = 'PROMOTION',
  COMPETITION = 'COMPETITION',
  CORRECTION = 'CORRECTION',
  REVOCATION = 'REVOCATION',
  ANNULMENT = 'ANNULMENT',
}
registerEnumType(SkillLevelChangeKind, {
  name: 'SkillLevelChangeKind',
  description: 'Why a skill level changed. Ordinary promotions go one level up; a bigger step up, or any step down, needs CORRECTION, REVOCATION or ANNULMENT and a note.',
  valuesConfig: {
    INITIAL: { description: 'The level the worker had when registered (or first recorded for a worker registered without one); any level.' },
    PROMOTION: { description: 'An ordinary promotion (晋级): exactly one level up.' },
    COMPETITION: { description: 'A promotion granted by a competition (竞赛晋级), one level up; written by finalizeCompetition only.' },
    CORRECTION: { description: 'Corrects a wrongly recorded level (更正), up or down by any number of levels; needs a note.' },
    REVOCATION: { description: 'The certificate was revoked (撤销), e.g. obtained improperly; a step down; needs a note.' },
    ANNULMENT: { description: 'The appraisal or competition result that granted the level was annulled (宣布无效); a step down; needs a note.' },
  },
});
