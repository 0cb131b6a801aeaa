import { defineMessages } from '../common/i18n.js';

/** Messages of src/talent: chief technicians (首席技师) and skill allowance standards (技能津贴). */
export const m = defineMessages('talent', {
  notYourEnterprise: {
    zh: '您只能为自己所属的企业办理（企业推荐人须由管理员设定所属企业）',
    en: 'You may act only for your own enterprise (a NOMINATOR needs an enterprise scope set by an ADMIN)',
  },
  belowTechnician: {
    zh: '首席技师须具有技师及以上技能等级，该职工为“{{level}}”',
    en: 'A chief technician must hold at least TECHNICIAN; the worker is at {{level}}',
  },
  noLevel: { zh: '无技能等级', en: 'no level' },
  termOrder: { zh: '任期结束日期不能早于开始日期', en: 'termTo must not be before termFrom' },
  termTooLong: { zh: '任期最长 {{years}} 年', en: 'A term is at most {{years}} years' },
  overlapping: {
    zh: '该职工在 {{from}} 至 {{to}} 已是首席技师，任期不能重叠',
    en: 'The worker is chief technician from {{from}} to {{to}} already; terms must not overlap',
  },
  amountWithoutIncentive: { zh: '填写激励金额时须选择激励方式', en: 'incentiveAmount needs an incentive' },
  alreadyEnded: { zh: '该首席技师任期已于 {{on}} 提前结束', en: 'This term already ended early on {{on}}' },
  endOutsideTerm: {
    zh: '提前结束日期须在任期内（{{from}} 至 {{to}} 的前一天）',
    en: 'endedOn must lie within the term, before its last day ({{from}} to the day before {{to}})',
  },
  noRates: { zh: '至少填写一个技能等级的津贴', en: 'Give the allowance of at least one skill level' },
  rateTooLarge: { zh: '每月津贴最多 8 位整数、2 位小数', en: 'yuanPerMonth has at most 8 digits before the point and 2 after' },
  levelRepeats: { zh: '技能等级“{{level}}”重复', en: 'Skill level {{level}} is given twice' },
  standardExists: {
    zh: '该企业已有自 {{date}} 起执行的津贴标准；新标准请用另一个生效日期',
    en: 'The enterprise has a standard effective from {{date}} already; record a new one with another date',
  },
  badYear: { zh: '年份须在 1949 至 2999 之间', en: 'year must be between 1949 and 2999' },
});
