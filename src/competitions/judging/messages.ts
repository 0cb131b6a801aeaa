import { defineMessages } from '../../common/i18n.js';

/**
 * Messages of judging (评分): what a judge reads on the tablet beside a workshop station, and what the
 * organizer reads when setting up the panel or closing marking. Short, and saying what to do next.
 */
export const m = defineMessages('competitions.judging', {
  // The panel (assignJudge, unassignJudge)
  notJudgeRole: { zh: '{{name}} 没有裁判角色，请先为其开通裁判角色', en: '{{name}} does not hold the JUDGE role: give them the role first' },
  judgeDisabled: { zh: '{{name}} 的账号已停用，不能担任裁判', en: '{{name}} is disabled and cannot judge' },
  judgeNeedsStage: {
    zh: '请为评分裁判至少选择一个赛段（只有裁判长可以只监督、不评分）',
    en: 'Give the judge at least one stage (only a chief judge may have none: they supervise without marking)',
  },
  stageNotInCompetition: { zh: '本竞赛没有该赛段', en: 'This competition has no such stage' },
  officerCannotJudge: {
    zh: '加密裁判不能兼任本竞赛的评分裁判，请另选一位裁判',
    en: 'The encryption officer may not be a judge of the same competition: choose another judge',
  },
  chiefExists: {
    zh: '本竞赛已有裁判长，请先取消其裁判长身份，再指定新的裁判长',
    en: 'The competition already has a chief judge: take the chief role from them first',
  },
  entryNotInCompetition: { zh: '本竞赛没有该参赛', en: 'This competition has no such entry' },
  judgeConflicted: {
    zh: '该裁判与此参赛同属一个单位，须回避，不能评判此参赛',
    en: 'This judge’s enterprise has a worker in this entry: they may not mark it',
  },
  notOnPanel: { zh: '该用户不在本竞赛的裁判组中', en: 'This user is not on the panel of this competition' },

  // Actions, as the shared checks name them (assertStatus: "不能{{what}}"; cleanReason: "{{what}}须填写原因")
  changingPanel: { zh: '调整裁判组', en: 'Changing the panel' },
  toChangePanel: { zh: '调整裁判组', en: 'change the panel' },
  acceptingGap: { zh: '确认评分缺项', en: 'Accepting missing marks' },
  toAcceptGap: { zh: '确认评分缺项', en: 'accept missing marks' },
  closingStageMarking: { zh: '关闭赛段评分', en: 'Closing a stage’s marking' },

  // Missing marks and closing (acceptMarkingGap, closeStageMarking, closeScoring)
  onlyChiefAcceptsGap: { zh: '只有本竞赛的裁判长可以确认评分缺项', en: 'Only the competition’s chief judge may accept missing marks' },
  stageMarkingClosed: { zh: '该赛段评分已关闭', en: 'Marking of this stage is already closed' },
  noMarksMissing: { zh: '目前没有缺少的评分，无需确认', en: 'No marks are missing: there is nothing to accept' },
  gap: { zh: '“{{criterion}}”缺 {{missing}} 份（应有 {{expected}} 份）', en: '“{{criterion}}” {{missing}} of {{expected}} missing' },
  marksMissingBeforeCloseScoring: {
    zh: '参赛号 {{number}} 评分未齐：{{gaps}}。请补齐评分，或由裁判长确认缺项后再结束评分',
    en: 'Start number {{number}} is missing marks: {{gaps}}. Complete them, or have the chief judge accept the gap (acceptMarkingGap), before closing scoring',
  },
  marksMissingBeforeCloseStage: {
    zh: '参赛号 {{number}} 评分未齐：{{gaps}}。请补齐评分，或由裁判长确认缺项后再关闭本赛段评分',
    en: 'Start number {{number}} is missing marks: {{gaps}}. Complete them, or have the chief judge accept the gap (acceptMarkingGap), before closing the stage’s marking',
  },

  // A mark (submitScore)
  valueNotANumber: { zh: '请填写 0 到 {{max}} 之间的分值', en: 'Give a mark from 0 to {{max}}' },
  valueNegative: { zh: '分值不能为负数，请给 0 到 {{max}} 分', en: 'A mark cannot be negative: give 0 to {{max}}' },
  valueTooHigh: { zh: '该评分项满分为 {{max}} 分，不能给 {{value}} 分', en: 'This criterion’s maximum is {{max}}: {{value}} is too high' },
  twoDecimals: { zh: '分值最多保留两位小数，例如 8.25', en: 'A mark has at most two decimals, e.g. 8.25' },
  notJudgeOfStage: { zh: '您不是该评分项所在赛段的裁判，不能评分', en: 'You are not a judge of this criterion’s stage' },
  entryOrMarkingId: { zh: '请给出 entryId 或 markingId 其中之一', en: 'Give exactly one of entryId and markingId' },
  marksOnlyInProgress: {
    zh: '竞赛当前为“{{status}}”，只有比赛进行中才能评分',
    en: 'Marks are accepted only while the competition is in progress (it is {{status}})',
  },
  stageClosedNoMarks: { zh: '该赛段评分已关闭，不再接受评分', en: 'Marking of this stage is closed: no more marks' },
  notAssignedEntry: { zh: '您不负责评判该参赛作品', en: 'You are not assigned to mark this entry' },
  entryTakesNoMarks: { zh: '该参赛状态为“{{status}}”，不再评分', en: 'The entry is {{status}} and takes no marks' },
  ownEnterprise: { zh: '该参赛有您本单位的职工，您须回避，不能评分', en: 'You may not mark an entry with a worker of your own enterprise' },
  correctionNeedsReason: { zh: '修改已提交的评分，请填写理由', en: 'Correcting a mark needs a reason' },
  markingIdWrongStage: { zh: '该评分编号不属于此评分项所在的赛段，请核对评分项', en: 'This marking ID is not of the criterion’s stage: check the criterion' },
  markByCode: {
    zh: '赛段“{{stage}}”为加密评分，请按评分列表上的加密号评分',
    en: 'Stage “{{stage}}” is marked anonymously: mark by the marking ID on your marking list',
  },
  codesMissing: {
    zh: '赛段“{{stage}}”还有 {{missing}} 个参赛未发放加密号，请等加密裁判发放后再评分',
    en: 'Stage “{{stage}}” has {{missing}} active entries without a marking code: no marks until the encryption officer issues them',
  },
  approvalNeeded: {
    zh: '您已看到本参赛的评委组评分，修改需裁判长批准：请提交改分申请',
    en: 'You have seen the panel’s marks on this entry: a correction now needs the chief judge’s approval; request it (requestScoreCorrection)',
  },
  onlyOrganizerSeesScoreLog: { zh: '只有本竞赛的组织者可以查看评分记录', en: 'Only the competition’s organizer sees the score log' },

  // Correction requests (requestScoreCorrection, decideScoreCorrection)
  onlyJudgesCorrect: { zh: '只有裁判可以更正评分', en: 'Only judges correct marks' },
  onlyJurySeesCorrections: {
    zh: '只有本竞赛的组织者和裁判长可以查看改分申请',
    en: 'Only the competition’s organizer and chief judge see correction requests',
  },
  correctionClosed: { zh: '该赛段评分已结束，不能再更正', en: 'Marking of this stage is closed: no correction is possible' },
  notYourMark: { zh: '您不能更正此评分', en: 'You may not correct this mark' },
  chiefCorrectsDirectly: {
    zh: '裁判长可直接修改评分（填写理由即可），无需提交改分申请',
    en: 'As chief judge, change the mark directly (submitScore with a reason): no request is needed',
  },
  notCompletedYet: {
    zh: '您尚未评完本参赛，可直接修改评分（需填写理由），无需申请',
    en: 'You have not marked all of this entry yet: change the mark directly (submitScore with a reason)',
  },
  sameValue: { zh: '新分值与当前评分相同，无需更正', en: 'The value is the mark’s current value: nothing to correct' },
  pendingExists: {
    zh: '此评分已有改分申请在等待裁判长决定，请等待结果',
    en: 'A correction request for this mark is already waiting for the chief judge',
  },
  onlyChiefDecides: { zh: '只有本竞赛的裁判长可以决定改分申请', en: 'Only the competition’s chief judge decides correction requests' },
  alreadyDecided: { zh: '该申请已{{status}}，不能改为相反的决定', en: 'The request was already decided ({{status}}); it cannot be reversed' },
  criterionFromDrill: {
    zh: '此评分项由网上练兵《{{title}}》自动计分，裁判不能评分或改分（请在练兵中更正试题或作废答题）',
    en: 'This criterion is filled from the drill “{{title}}”: judges do not mark it (correct a question or void an attempt in the drill instead)',
  },
});
