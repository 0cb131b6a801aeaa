import { defineMessages } from '../common/i18n.js';

/** Messages of honor selection campaigns (评选表彰): opening, nomination, review, vetting, notice, conferral. */
export const m = defineMessages('honors', {
  // Lifecycle moves, named in messages that refuse them.
  actNominate: { zh: '推荐', en: 'Nominating' },
  actCloseNominations: { zh: '截止推荐', en: 'Closing nominations' },
  actScore: { zh: '评审打分', en: 'Scoring' },
  actRecordClearance: { zh: '登记联审意见', en: 'Recording a clearance' },
  actPublish: { zh: '公示', en: 'Publishing the shortlist' },
  actLodgeObjection: { zh: '提出异议', en: 'Lodging an objection' },
  actResolveObjection: { zh: '处理异议', en: 'Resolving an objection' },
  actConclude: { zh: '表彰（或上报推荐名单）', en: 'Concluding (conferral or recommendation)' },
  actCancel: { zh: '撤销评选', en: 'Cancelling' },
  orSeparator: { zh: '或', en: ' or ' },
  moveNotPossible: {
    zh: '评选活动当前为“{{status}}”，不能{{action}}（仅在“{{allowed}}”时可以）',
    en: '{{action}} is not possible while the campaign is {{status}} (only when {{allowed}})',
  },
  // Opening.
  listSize: { zh: '须列出 {{min}} 到 {{max}} 项', en: 'List {{min}} to {{max}} items' },
  listedTwice: { zh: '“{{value}}”重复列出', en: '{{value}} is listed twice' },
  windowBackwards: { zh: '推荐截止日期不能早于开始日期', en: 'The nomination window closes before it opens' },
  reviewerMissing: { zh: '评审专家不存在', en: 'Reviewer not found' },
  notReviewer: { zh: '{{name}} 不具有评审专家角色或账号已停用', en: '{{name}} does not hold the REVIEWER role or is disabled' },
  // Calendar.
  calendarDayMissing: { zh: '工作日历中没有 {{date}}', en: 'The calendar has no entry for {{date}}' },
  // Nomination.
  notYourEnterprise: { zh: '只能推荐本企业的职工', en: 'You may nominate workers of your own enterprise only' },
  internalNoticeBackwards: { zh: '企业内部公示的结束日期不能早于开始日期', en: 'The internal notice ends before it starts' },
  evidenceTwice: { zh: '同一材料重复列出', en: 'The same record is listed twice' },
  outsideWindow: { zh: '不在推荐期内（{{from}} 至 {{to}}）', en: 'Outside the nomination window ({{from}} to {{to}})' },
  alreadyNominated: { zh: '{{name}} 已被推荐参加本次评选', en: '{{name}} is already nominated in this campaign' },
  ruleCap: { zh: '推荐条件“推荐名额”：每家企业最多推荐 {{cap}} 人，本企业名额已满', en: 'Rule "cap": an enterprise nominates at most {{cap}}; this one has used its places' },
  ruleTrade: { zh: '推荐条件“工种”：{{name}} 的工种为 {{trade}}，本次评选限 {{trades}}', en: 'Rule "trade": {{name}} works as {{trade}}; this campaign is for {{trades}}' },
  noSkillLevel: { zh: '无等级', en: 'no level' },
  ruleSkill: { zh: '推荐条件“技能等级”：{{name}} 为 {{level}}，本次评选要求不低于 {{min}}', en: 'Rule "skill level": {{name}} holds {{level}}; this campaign needs at least {{min}}' },
  ruleHonors: { zh: '推荐条件“已获荣誉”：{{name}} 须已获得 {{honors}} 之一', en: 'Rule "honors held": {{name}} must hold one of {{honors}}' },
  ruleYearsUnknown: { zh: '推荐条件“从业年限”：{{name}} 未登记从业起始年份，本次评选要求从业满 {{min}} 年', en: 'Rule "years in trade": {{name}} has no recorded trade start year; this campaign needs {{min}} years' },
  ruleYears: { zh: '推荐条件“从业年限”：{{name}} 从业 {{years}} 年，本次评选要求满 {{min}} 年', en: 'Rule "years in trade": {{name}} has {{years}} years in the trade; this campaign needs {{min}}' },
  evidenceInnovation: { zh: '创新成果', en: 'innovation' },
  evidenceMethod: { zh: '已命名的先进操作法', en: 'named operating method' },
  evidenceAward: { zh: '竞赛奖项', en: 'competition award' },
  evidenceMissing: { zh: '该{{type}}不存在', en: 'This {{type}} does not exist' },
  evidenceNotTheirs: { zh: '该{{type}}不属于被推荐人', en: 'This {{type}} is not the nominee’s' },
  // Review and vetting.
  notOnPanel: { zh: '您不是本次评选的评审专家', en: 'You are not on this campaign’s review panel' },
  ownEnterprise: { zh: '不能评审本企业推荐的人选', en: 'You may not score a nominee of your own enterprise' },
  marksCount: { zh: '须为每项评审标准打分（共 {{n}} 项）', en: 'Give one mark per criterion ({{n}})' },
  unknownDepartment: { zh: '联审部门须为：{{departments}}', en: 'The department must be one of: {{departments}}' },
  noNominations: { zh: '没有可公示的推荐人选', en: 'There are no nominations to put on notice' },
  noReviewerFor: { zh: '{{name}}：评审组的专家均须回避，无法评审', en: '{{name}}: every panel reviewer has a conflict of interest' },
  scoresMissing: { zh: '{{name}}：尚缺 {{reviewers}} 的评分', en: '{{name}}: marks missing from {{reviewers}}' },
  clearanceMissing: { zh: '{{name}}：尚缺 {{departments}} 的联审意见，不能公示', en: '{{name}}: no clearance yet from {{departments}}; cannot go to notice' },
  // Notice, objections, conferral.
  noticeBeforeWindow: { zh: '公示开始日期不能早于推荐期开始日期（{{opens}}）', en: 'The notice cannot start before the nomination window opened ({{opens}})' },
  notShortlisted: { zh: '该人选不在公示名单上', en: 'This nominee is not on the published shortlist' },
  outsideNotice: { zh: '不在该人选的公示期内（{{from}} 至 {{to}}）', en: 'Outside this nominee’s notice period ({{from}} to {{to}})' },
  objectionResolved: { zh: '该异议已处理', en: 'This objection has already been resolved' },
  noticeRunning: { zh: '{{n}} 名人选仍在公示期内（至 {{until}}），公示期满后才能表彰', en: '{{n}} nominees are still on notice (until {{until}}); conclude after the notice' },
  objectionsOpen: { zh: '尚有 {{n}} 项异议未处理', en: '{{n}} objections are still open' },
  honorAlreadyHeld: { zh: '{{name}} 已持有同年度同级别的该荣誉', en: '{{name}} already holds this honor at this level for this year' },
  alreadyRevoked: { zh: '该荣誉已被撤销', en: 'This honor has already been revoked' },
});
