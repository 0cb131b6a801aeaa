import { defineMessages, type Message } from './i18n.js';

/** What the things our messages name are called, keyed by GraphQL type name (notFound, expectId). */
export const ENTITY_NAMES = {
  Alliance: { zh: '联盟', en: 'Alliance' },
  ChiefTechnician: { zh: '首席技师任命', en: 'Chief technician designation' },
  DrillAttempt: { zh: '答题记录', en: 'Drill attempt' },
  AppraisalBody: { zh: '评价机构', en: 'Appraisal body' },
  AppraisalCandidate: { zh: '认定对象', en: 'Appraisal candidate' },
  AppraisalFlag: { zh: '待处理标记', en: 'Appraisal flag' },
  AppraisalSession: { zh: '认定批次', en: 'Appraisal session' },
  Appeal: { zh: '申诉', en: 'Appeal' },
  Award: { zh: '奖项', en: 'Award' },
  Competition: { zh: '竞赛', en: 'Competition' },
  Criterion: { zh: '评分项', en: 'Criterion' },
  Drill: { zh: '网上练兵活动', en: 'Drill' },
  Enterprise: { zh: '企业', en: 'Enterprise' },
  Entry: { zh: '参赛报名', en: 'Entry' },
  Exhibit: { zh: '展品', en: 'Exhibit' },
  Exhibition: { zh: '展会', en: 'Exhibition' },
  Honor: { zh: '荣誉', en: 'Honor' },
  HonorCampaign: { zh: '评选表彰活动', en: 'Honor campaign' },
  IncubationProject: { zh: '孵化项目', en: 'Incubation project' },
  Innovation: { zh: '创新成果', en: 'Innovation' },
  Member: { zh: '成员', en: 'Member' },
  Nomination: { zh: '推荐', en: 'Nomination' },
  Objection: { zh: '异议', en: 'Objection' },
  OperatingMethod: { zh: '先进操作法', en: 'Operating method' },
  ProjectMilestone: { zh: '里程碑', en: 'Milestone' },
  ProjectPartner: { zh: '合作方', en: 'Partner' },
  Question: { zh: '试题', en: 'Question' },
  RecheckItem: { zh: '复核项', en: 'Re-check item' },
  Score: { zh: '评分', en: 'Score' },
  ScoreCorrectionRequest: { zh: '改分申请', en: 'Score correction request' },
  Stage: { zh: '赛段', en: 'Stage' },
  Studio: { zh: '创新工作室', en: 'Studio' },
  User: { zh: '用户', en: 'User' },
  Worker: { zh: '职工', en: 'Worker' },
} satisfies Record<string, Message>;
export type EntityName = keyof typeof ENTITY_NAMES;
const entityName = defineMessages('entity', ENTITY_NAMES);

/** The name of a thing in the current locale (its GraphQL type name when we have no word for it). */
export function nameOf(type: string): string {
  return type in ENTITY_NAMES ? entityName(type as EntityName) : type;
}

/** Messages of src/common: input checks, IDs, pages, access, the server's own errors. */
export const commonMessage = defineMessages('common', {
  notFound: { zh: '{{what}}不存在', en: '{{what}} not found' },
  notAnId: { zh: '{{field}} 不是{{type}}的 ID', en: '{{field}} is not a {{type}} ID' },
  mustLogIn: { zh: '请先登录', en: 'You must be logged in' },
  notAllowed: { zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  needsRole: { zh: '此操作需要以下角色之一：{{roles}}', en: 'This needs one of the roles: {{roles}}' },
  required: { zh: '{{field}} 为必填项', en: '{{field}} is required' },
  empty: { zh: '{{field}} 不能为空', en: '{{field}} must not be empty' },
  tooShort: { zh: '{{field}} 至少 {{min}} 个字符', en: '{{field}} must be at least {{min}} characters' },
  tooLong: { zh: '{{field}} 最多 {{max}} 个字符', en: '{{field}} must be at most {{max}} characters' },
  controlCharacters: { zh: '{{field}} 含有控制字符', en: '{{field}} contains control characters' },
  oneLine: {
    zh: '{{field}} 须为一行文字，不能含控制字符（制表符、换行或文字方向控制符）',
    en: '{{field}} must be one line without control characters (no tab, line break or text-direction override)',
  },
  wholeNumber: { zh: '{{field}} 须为 {{min}} 到 {{max}} 之间的整数', en: '{{field}} must be a whole number from {{min}} to {{max}}' },
  notADate: { zh: '{{field}} 须为日期', en: '{{field}} must be a date' },
  inFuture: { zh: '{{field}} 不能晚于今天', en: '{{field}} must not be in the future' },
  tooEarly: { zh: '{{field}} 太早', en: '{{field}} is too early' },
  decimalNotString: {
    zh: 'Decimal 须为字符串形式的金额，例如 "12500.50"',
    en: 'Decimal must be a string, e.g. "12500.50"',
  },
  dateNotString: {
    zh: 'Date 须为 YYYY-MM-DD 格式的字符串，例如 "2015-03-01"',
    en: 'Date must be a string as YYYY-MM-DD, e.g. "2015-03-01"',
  },
  notAPlainDate: {
    zh: '{{field}} 须为 YYYY-MM-DD 格式的日期，例如 2015-03-01（不含时刻）',
    en: '{{field}} must be a date as YYYY-MM-DD, e.g. 2015-03-01 (no time of day)',
  },
  firstAndLast: { zh: '`first` 与 `last` 只能传一个', en: 'Pass either `first` or `last`, not both' },
  pageSize: { zh: '`{{name}}` 须在 0 到 {{max}} 之间', en: '`{{name}}` must be between 0 and {{max}}' },
  badCursor: { zh: '`{{name}}` 不是有效的游标', en: '`{{name}}` is not a valid cursor' },
  cursorForOtherList: { zh: '`{{name}}` 不是此列表及此排序的有效游标', en: '`{{name}}` is not a valid cursor for this list and order' },
  tooManyIds: { zh: '一次最多查询 {{max}} 个 ID', en: 'At most {{max}} ids' },
  nulCharacter: { zh: '文本不能含 NUL 字符（U+0000）', en: 'Text may not contain the NUL character (U+0000)' },
  idempotencyKeyReused: { zh: '此 idempotencyKey 已用于另一个请求', en: 'This idempotencyKey was used for a different request' },
  idempotencyKeyLength: { zh: 'idempotencyKey 须为 1 到 200 个字符', en: 'idempotencyKey must be 1 to 200 characters' },
  databaseUnavailable: { zh: '数据库暂不可用，请稍后重试。', en: 'The database is unavailable. Retry shortly.' },
  databaseUnavailableRetry: {
    zh: '数据库暂不可用，请稍后用同一个 idempotencyKey 重试：重试的评分只记录一次。',
    en: 'The database is unavailable. Retry shortly, with the same idempotencyKey: a retried mark is recorded once.',
  },
  internalError: { zh: '服务器内部错误', en: 'Internal server error' },
  overloaded: { zh: '服务器繁忙，请稍后重试。', en: 'The server is busy. Retry shortly.' },
});
