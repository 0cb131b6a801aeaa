import { defineMessages } from '../../common/i18n.js';

/** Messages of competition setup: the competition itself, its lifecycle, its marking scheme. */
export const m = defineMessages('competitions.setup', {
  // {{what}}: a phrase in the reader's language, given by the caller (see cleanReason).
  reasonRequired: { zh: '{{what}}须填写原因', en: 'A reason is required to {{what}}' },
  // {{action}}: a lifecycle move (below); {{status}}, {{from}}: status labels.
  moveNotAllowed: {
    zh: '竞赛当前为“{{status}}”，不能{{action}}（仅限“{{from}}”时）',
    en: 'Cannot {{action}} while the competition is {{status}} (only from {{from}})',
  },
  openRegistration: { zh: '开放报名', en: 'open registration' },
  closeRegistration: { zh: '截止报名', en: 'close registration' },
  startCompetition: { zh: '开始竞赛', en: 'start the competition' },
  closeScoring: { zh: '结束评分', en: 'close scoring' },
  reopenScoring: { zh: '重新开放评分', en: 'reopen scoring' },
  publishResults: { zh: '公示成绩', en: 'publish the results' },
  finalizeCompetition: { zh: '确定最终成绩', en: 'finalize the competition' },
  cancelCompetition: { zh: '取消竞赛', en: 'cancel the competition' },
  extendDeadline: { zh: '延长报名截止时间', en: 'extend the registration deadline' },
  statusSeparator: { zh: '”或“', en: ', ' },
  cannotChange: { zh: '竞赛当前为“{{status}}”，不能修改', en: 'The competition cannot be changed while it is {{status}}' },
  onlyInDraft: {
    zh: '{{field}} 只能在草稿阶段修改（竞赛当前为“{{status}}”）',
    en: '{{field}} can only change while the competition is a draft (it is {{status}})',
  },
  deadlinePassed: {
    zh: '报名截止时间已过：请用“延长报名截止时间”（extendRegistrationDeadline）修改并说明原因',
    en: 'The registration deadline has passed: move it with extendRegistrationDeadline, which records a reason',
  },
  deadlineFrozen: {
    zh: '竞赛当前为“{{status}}”，报名截止时间不能再改',
    en: 'The registration deadline cannot move while the competition is {{status}}',
  },
  deadlineInFuture: { zh: '报名截止时间须晚于现在', en: 'registrationDeadline must be in the future' },
  deadlineLater: { zh: '新的报名截止时间须晚于当前截止时间', en: 'registrationDeadline must be later than the current deadline' },
  deadlineBeforeStart: { zh: '报名截止时间不能晚于开始时间（startsAt）', en: 'registrationDeadline must not be after startsAt' },
  endsBeforeStarts: { zh: '结束时间（endsAt）不能早于开始时间（startsAt）', en: 'endsAt must not be before startsAt' },
  enterpriseNotFound: { zh: '企业不存在', en: 'Enterprise not found' },
  schemeNotReady: { zh: '评分方案尚未就绪：{{problem}}', en: 'The marking scheme is not ready: {{problem}}' },
  cannotStart: { zh: '不能开始竞赛：{{problem}}', en: 'Cannot start: {{problem}}' },
  lotsNotDrawn: { zh: '尚未抽签（drawLots）', en: 'lots have not been drawn (drawLots)' },
  noActiveEntry: { zh: '没有参赛中的报名', en: 'there is no active entry' },
  stageWithoutJudge: { zh: '赛段“{{stage}}”没有裁判', en: 'stage “{{stage}}” has no judge' },
  tooFewJudges: {
    zh: '赛段“{{stage}}”只有 {{judges}} 名裁判；“去掉最高最低分后平均”至少需要 3 名',
    en: 'stage “{{stage}}” has {{judges}} judge(s); TRIMMED_MEAN needs at least 3',
  },
  kindRequired: { zh: '请选择竞赛类型（kind）', en: 'kind is required' },
  levelRequired: { zh: '请选择竞赛级别（level）', en: 'level is required' },
  hostRequired: {
    zh: '企业级竞赛须指明主办企业（hostEnterpriseId）',
    en: 'an ENTERPRISE-level competition needs its host enterprise (hostEnterpriseId)',
  },
  districtRequired: { zh: '区县级竞赛须指明所在区县（district）', en: 'a DISTRICT-level competition needs its district' },
  shareRange: { zh: '{{field}} 须大于 0 且不超过 1', en: '{{field}} must be more than 0 and at most 1' },
  thresholdRange: { zh: '{{field}} 须在 0 到 1 之间（不含 1）', en: '{{field}} must be from 0 to less than 1' },
  fourDecimals: { zh: '{{field}} 最多四位小数', en: '{{field}} has at most four decimals' },
  tradeLength: { zh: '工种名称须为 1 到 100 个字符', en: 'a trade must be 1 to 100 characters' },
  skillRange: {
    zh: '最高技能等级“{{max}}”低于最低技能等级“{{min}}”',
    en: 'maxSkillLevel {{max}} is below minSkillLevel {{min}}',
  },
  prizeTwice: { zh: '奖项“{{prize}}”重复', en: 'prize {{prize}} is listed twice' },
  prizeCountOrShare: {
    zh: '奖项“{{prize}}”须且只能填写名额（count）或比例（share）其中之一',
    en: 'prize {{prize}} needs exactly one of count and share',
  },
  placesRange: { zh: '名额须为 1 到 {{max}} 之间的整数', en: 'count must be a whole number from 1 to {{max}}' },
  prizeShareRange: { zh: '比例须大于 0 且不超过 1', en: 'share must be more than 0 and at most 1' },
  sharesOverOne: { zh: '各奖项比例之和为 {{sum}}，超过 1', en: 'the shares sum to {{sum}}, more than 1' },
  centesimal: {
    zh: '{{field}} 须大于 0、不超过 {{max}}，最多两位小数',
    en: '{{field}} must be more than 0 and at most {{max}}, with at most two decimals',
  },
  tooManyStages: { zh: '一个竞赛最多 {{max}} 个赛段', en: 'A competition has at most {{max}} stages' },
  tooManyCriteria: { zh: '一个赛段最多 {{max}} 个评分项', en: 'A stage has at most {{max}} criteria' },
  schemeFrozen: {
    zh: '评分方案只能在草稿阶段修改（竞赛当前为“{{status}}”）',
    en: 'The marking scheme can only change while the competition is a draft (it is {{status}})',
  },
  stageFromDrill: {
    zh: '该赛段由网上练兵《{{title}}》计分，只能有一个客观评分项（先取消关联再修改）',
    en: 'The stage is filled from the drill “{{title}}”: it keeps exactly one measurement criterion (unlink the drill first)',
  },
});
