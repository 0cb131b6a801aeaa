import { defineMessages } from '../../common/i18n.js';

/** Messages of appeals (申诉), re-marks (复评) and publication (成绩公示) in Chinese and English (issue 13). */
export const m = defineMessages('competitions.appeals', {
  onlyParties: {
    zh: '只有参赛者本人、其领队或本竞赛组织者可提出申诉',
    en: 'Only the entrant, their team leader or the competition’s organizer may appeal for this entry',
  },
  stageOrCriterion: {
    zh: '申诉须针对一个赛段或一个评分项（二选一）',
    en: 'An appeal contests exactly one of a stage (stageId) or a criterion (criterionId)',
  },
  criterionNotHere: { zh: '本竞赛无此评分项', en: 'Criterion not found in this competition' },
  stageNotHere: { zh: '本竞赛无此赛段', en: 'Stage not found in this competition' },
  windowClosed: { zh: '申诉期已于 {{at}} 结束', en: 'The appeal window closed at {{at}}' },
  notPublished: {
    zh: '成绩公示期间方可申诉（当前状态：{{status}}）',
    en: 'Appeals are filed while the results are published (the competition is {{status}})',
  },
  entryOut: { zh: '该参赛状态为“{{status}}”，无成绩可申诉', en: 'The entry is {{status}}: it has no ranked marks to appeal' },
  stageAppealOpen: {
    zh: '该赛段已有针对整个赛段的申诉在处理中',
    en: 'An appeal against the whole stage is already open for this entry',
  },
  criterionAppealOpen: {
    zh: '该赛段已有针对评分项的申诉在处理中，请等待其处理完毕',
    en: 'An appeal against a criterion of this stage is already open for this entry',
  },
  onlyArbitrator: { zh: '只有本竞赛的仲裁人员可裁决申诉', en: 'Only an arbitrator of this competition may rule on its appeals' },
  judgedStage: { zh: '您曾担任被申诉赛段的裁判，须回避', en: 'You judged the contested stage and must stand aside' },
  sameEnterprise: { zh: '您与申诉参赛者同属一个企业，须回避', en: 'You work for the entrant’s enterprise and must stand aside' },
  alreadyRuled: { zh: '该申诉已裁决（{{status}}）', en: 'The appeal has been ruled on already ({{status}})' },
  ruleWhilePublished: {
    zh: '竞赛状态为“{{status}}”，不能裁决申诉',
    en: 'Appeals are ruled on while the results are published (the competition is {{status}})',
  },
  dismissedNoJudges: { zh: '驳回的申诉无须复评裁判', en: 'A dismissed appeal names no re-marking judges' },
  noContestedMarks: { zh: '被申诉的评分项没有评分，无可复评', en: 'The contested criteria have no marks to re-mark' },
  tooFewRemarkers: {
    zh: '须指定至少 {{needed}} 名复评裁判（每人每个评分项只复评一个分数）',
    en: 'Name at least {{needed}} re-marking judge(s): each re-marks one mark per criterion',
  },
  userNotFound: { zh: '未找到该用户', en: 'User not found' },
  notAJudge: { zh: '{{name}} 不是裁判', en: '{{name}} does not hold the JUDGE role' },
  disabledJudge: { zh: '{{name}} 的账号已停用', en: '{{name}} is disabled' },
  gaveContestedMark: { zh: '{{name}} 给出了被申诉的评分，不得复评', en: '{{name}} gave a contested mark and may not re-mark it' },
  arbitratorOrOfficer: {
    zh: '{{name}} 担任仲裁或加密裁判，不得复评',
    en: '{{name}} is an arbitrator ruling here or the encryption officer and may not re-mark',
  },
  remarkerSameEnterprise: { zh: '{{name}} 与参赛者同属一个企业', en: '{{name}} works for the entrant’s enterprise' },
  notNamedRemarker: { zh: '您不是该申诉指定的复评裁判', en: 'You are not named to re-mark this appeal' },
  scoreOrCriterion: { zh: '须指明一个分数或一个评分项（二选一）', en: 'Name exactly one of scoreId and criterionId' },
  notBeingRemarked: { zh: '该申诉不在复评中（{{status}}）', en: 'The appeal is not being re-marked ({{status}})' },
  remarkWhilePublished: {
    zh: '竞赛状态为“{{status}}”，不能复评',
    en: 'Re-marks are given while the results are published (the competition is {{status}})',
  },
  noSuchContestedMark: { zh: '该申诉没有这一被申诉的分数', en: 'No contested mark of this appeal matches' },
  alreadyRemarked: { zh: '该分数已复评', en: 'This contested mark has been re-marked already' },
  oneMarkPerCriterion: {
    zh: '您已复评过该评分项的一个分数，其余由其他复评裁判评定',
    en: 'You re-marked a mark of this criterion already; the others are for the other named judges',
  },
  stageNotSignedOffToPublish: {
    zh: '赛段“{{stage}}”尚未经裁判长签字确认，不能公示成绩',
    en: 'Stage “{{stage}}” is not signed off by the chief judge yet, so the results cannot be published',
  },
  stageNotSignedOffToFinalize: {
    zh: '赛段“{{stage}}”尚未经裁判长签字确认，不能定榜',
    en: 'Stage “{{stage}}” is not signed off by the chief judge yet, so the competition cannot be finalized',
  },
  windowStillOpen: { zh: '申诉期尚未结束（至 {{until}}）', en: 'The appeal window is open until {{until}}' },
  appealAwaitsRuling: { zh: '有申诉尚待仲裁（{{filedAt}} 提出）', en: 'An appeal filed at {{filedAt}} awaits its ruling' },
  appealAwaitsRemarks: {
    zh: '有成立的申诉尚未复评完毕（{{filedAt}} 提出）',
    en: 'An upheld appeal filed at {{filedAt}} is not fully re-marked yet',
  },
  stageFromDrill: {
    zh: '该赛段成绩由网上练兵《{{title}}》自动计分，不受理申诉：对试题或答案有异议，请向组织方申请更正试题，更正后所有答卷自动重新计分',
    en: 'This stage is marked by the drill “{{title}}” and takes no appeal: to contest a question or its key, ask the organizer to correct it; every attempt is then re-marked',
  },
  // Stored for every reader (bilingual()): the revision's reason, the ruling after it.
  remarkReason: { zh: '申诉复评', en: 'Re-mark on appeal' },
});
