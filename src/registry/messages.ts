import { defineMessages } from '../common/i18n.js';

/** Messages of src/registry: enterprises, workers, honors, skill levels and the spreadsheet import. */
export const m = defineMessages('registry', {
  creditCodeTaken: { zh: '已有企业使用此统一社会信用代码', en: 'An enterprise with this credit code exists' },
  creditCodeInvalid: { zh: '统一社会信用代码无效：{{problem}}', en: 'creditCode is not a valid unified social credit code: {{problem}}' },
  creditCodeLength: { zh: '须为 18 位', en: 'must be 18 characters' },
  creditCodeCharacter: { zh: '含有不允许的字符“{{character}}”', en: 'contains "{{character}}", which is not allowed' },
  creditCodeDivision: { zh: '第 3 至 8 位须为行政区划代码（数字）', en: 'characters 3 to 8 must be the administrative division code (digits)' },
  creditCodeCheck: { zh: '校验码不符', en: 'check character does not match' },
  tradeStartTooEarly: {
    zh: '从事本工种起始年份不能早于出生年份加 14 年（{{earliest}} 年）',
    en: 'tradeStartYear must not be before birthYear + 14 ({{earliest}})',
  },
  genderRequired: { zh: '请填写性别', en: 'gender is required' },
  employeeNumberTaken: { zh: '此工号在该企业已被使用', en: 'This employee number is taken in the enterprise' },
  honorHeld: { zh: '该职工已获得同年度、同级别的这项荣誉', en: 'The worker already holds this honor for that year and level' },
  changeBeforeLatest: {
    zh: '生效时间不能早于该职工最近一次记录的变更（{{latest}}）',
    en: 'at must not be before the worker’s latest recorded change ({{latest}})',
  },
  noRows: { zh: '导入的行不能为空', en: 'rows must not be empty' },
  tooManyRows: { zh: '每次最多导入 {{max}} 行', en: 'At most {{max}} rows per import' },
  numberRepeats: { zh: '工号 {{number}} 与第 {{first}} 行重复', en: 'employee number {{number}} repeats row {{first}}' },
  inRow: { zh: '第 {{row}} 行：{{problem}}', en: 'row {{row}}: {{problem}}' },
  levelDiffers: {
    zh: '第 {{row}} 行：工号 {{number}} 的技能等级“{{level}}”与登记的“{{current}}”不同；等级变更请用 recordSkillLevelChange',
    en: 'row {{row}}: skill level {{level}} differs from the registry’s ({{current}}) for employee number {{number}}; level changes go through recordSkillLevelChange',
  },
  noLevel: { zh: '无', en: 'none' },
  alreadyAtLevel: { zh: '该职工已是{{level}}', en: 'The worker is already at {{level}}' },
  competitionKind: { zh: '竞赛晋级由 finalizeCompetition 写入', en: 'COMPETITION promotions are written by finalizeCompetition' },
  appraisalKind: { zh: '技能等级认定结果由 closeAppraisalSession 写入', en: 'APPRAISAL promotions are written by closeAppraisalSession' },
  noLevelYet: { zh: '该职工尚无技能等级：首次登记请用 INITIAL（初始登记）', en: 'The worker has no level yet: record the first one with kind INITIAL' },
  hasLevel: {
    zh: '该职工已有技能等级（{{level}}）；INITIAL（初始登记）只用于尚无等级的职工',
    en: 'The worker already has a level ({{level}}); INITIAL is for a worker without one',
  },
  oneStepUp: {
    zh: '普通晋级只能升一级（{{from}} → {{to}}）；跨级晋升或降级须用 CORRECTION、REVOCATION 或 ANNULMENT 并填写说明',
    en: 'An ordinary promotion goes one level up ({{from}} → {{to}}); a bigger step up or any step down needs kind CORRECTION, REVOCATION or ANNULMENT and a note',
  },
  noStepUp: {
    zh: '{{from}}已是最高等级，不能再普通晋级；降级须用 CORRECTION、REVOCATION 或 ANNULMENT 并填写说明',
    en: '{{from}} is the highest level: there is no ordinary promotion from it; a step down needs kind CORRECTION, REVOCATION or ANNULMENT and a note',
  },
  onlyLowers: {
    zh: '{{kind}}只能降低等级；登记错误的等级请用 CORRECTION（更正）',
    en: '{{kind}} lowers a level; a wrongly recorded level is put right with CORRECTION',
  },
  needsNote: { zh: '{{kind}}须填写说明（note）', en: 'A {{kind}} needs a note saying why' },
  // Stored for every reader (bilingual()): the ground of the history's first entry.
  initialLevelReason: { zh: '登记时的技能等级', en: 'Skill level at registration' },
});
