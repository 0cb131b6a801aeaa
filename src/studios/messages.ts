import { defineMessages, currentLocale } from '../common/i18n.js';
import { labelOf } from '../common/enum-labels.js';

/** Messages of the studios module (创新工作室: application, accreditation, members, reports, innovations). */
export const m = defineMessages('studios', {
  notManager: { zh: '只有该工作室的管理员或系统管理员可以执行此操作', en: 'Only the studio’s manager or an admin may do this' },
  illegalMove: {
    zh: '工作室当前为“{{status}}”，不能{{action}}（仅限“{{from}}”状态）',
    en: '{{action}} is not possible while the studio is {{status}} (only from {{from}})',
  },
  moneyFormat: {
    zh: '{{field}} 须为以元计的金额，整数最多 12 位、小数最多 2 位，例如 "12500.50"',
    en: '{{field}} must be an amount in yuan with at most 12 digits before the point and 2 after, e.g. "12500.50"',
  },
  moneyPositive: { zh: '{{field}} 须大于零', en: '{{field}} must be more than zero' },
  patentNeedsNumber: { zh: '专利类成果须填写专利号（patentNumber）', en: 'A PATENT needs its patentNumber' },
  noInventor: { zh: '请至少填写一名发明人', en: 'Name at least one inventor' },
  tooManyInventors: { zh: '发明人最多 {{max}} 名', en: 'At most {{max}} inventors' },
  innovationNeedsAccredited: {
    zh: '只有已认定的工作室可以登记创新成果（该工作室当前为“{{status}}”）',
    en: 'Innovations are registered for accredited studios only (this one is {{status}})',
  },
  inventorNotMember: { zh: '{{name}} 不是本工作室成员，发明人须为工作室成员', en: '{{name}} is not a member of the studio; inventors must be members' },
  inactive: { zh: '工作室当前为“{{status}}”，不能{{action}}', en: '{{action}} is not possible while the studio is {{status}}' },
  actionAddMember: { zh: '添加成员', en: 'Adding a member' },
  actionRemoveMember: { zh: '移除成员', en: 'Removing a member' },
  actionSubmitReport: { zh: '提交年度报告', en: 'Submitting a report' },
  leaderNotAdded: { zh: '领衔人由申报材料确定（updateStudio），不能作为成员添加', en: 'The leader is set by the application (updateStudio), not added as a member' },
  apprenticeNeedsMentor: { zh: '徒弟须指定师傅（mentorWorkerId）', en: 'An apprentice needs a mentor (mentorWorkerId)' },
  onlyApprenticesHaveMentor: { zh: '只有徒弟才需要指定师傅', en: 'Only apprentices have a mentor' },
  ownMentor: { zh: '徒弟不能做自己的师傅', en: 'An apprentice cannot be their own mentor' },
  alreadyMember: { zh: '{{name}} 已是本工作室成员', en: '{{name}} is already a member of the studio' },
  mentorNotMember: { zh: '师傅须为本工作室成员', en: 'The mentor must be a member of the studio' },
  apprenticeAsMentor: { zh: '徒弟不能担任师傅', en: 'An apprentice cannot be a mentor' },
  leaderNotRemovable: { zh: '领衔人不能移除；请先用 updateStudio 指定新的领衔人', en: 'The leader cannot be removed; name another leader with updateStudio first' },
  mentorsApprentices: {
    zh: '该成员带有 {{apprentices}} 名徒弟；请先移除这些徒弟，或为他们另配师傅后重新添加',
    en: 'This member mentors {{apprentices}} apprentice(s); remove or re-add them with another mentor first',
  },
  noReportToCorrect: { zh: '没有 {{year}} 年的年度报告可更正；首次提交请不要填写 version', en: 'There is no {{year}} report to correct; omit version to submit it' },
  reportExists: {
    zh: '{{year}} 年的年度报告已存在（版本 {{version}}）；更正时请传入该版本号',
    en: 'The {{year}} report exists (version {{version}}); pass its version to correct it',
  },
  reportExistsNoVersion: { zh: '{{year}} 年的年度报告已存在；更正时请传入其版本号', en: 'The {{year}} report exists; pass its version to correct it' },
  reportStale: {
    zh: '{{year}} 年的年度报告在您读取后已被修改（您读取的是版本 {{yours}}，现为版本 {{current}}）；请重新加载后再更正',
    en: 'The {{year}} report changed since you read it (you have version {{yours}}, it is at {{current}}); reload and correct again',
  },
  reportStaleShort: { zh: '{{year}} 年的年度报告在您读取后已被修改；请重新加载后再更正', en: 'The {{year}} report changed since you read it; reload and correct again' },
  tooManyFocusAreas: { zh: '攻关方向最多 {{max}} 个', en: 'At most {{max}} focus areas' },
  focusAreaLength: { zh: '每个攻关方向须为 1 到 100 个字符', en: 'A focus area must be 1 to 100 characters' },
  commentRequired: { zh: '“{{action}}”须填写意见', en: 'A comment is required to {{action}}' },
  sameEnterprise: { zh: '规则“同一企业”：{{name}} 不在本工作室所属企业工作', en: 'Rule “same enterprise”: {{name}} does not work at the studio’s enterprise' },
  honorRule: {
    zh: '规则“{{rule}}”：{{kind}}的领衔人须获得“{{honor}}”称号，{{name}} 尚未获得',
    en: 'Rule “{{rule}}”: the leader of a {{kind}} holds the {{honor}} honor; {{name}} does not',
  },
  ruleModelWorker: { zh: '劳模领衔', en: 'model worker leader' },
  ruleCraftsman: { zh: '工匠领衔', en: 'craftsman leader' },
  skillRule: {
    zh: '规则“技能大师领衔”：技能大师工作室的领衔人须为技师及以上等级，{{name}} 为{{level}}',
    en: 'Rule “skill master leader”: a skill master studio’s leader is at least a technician; {{name}} is {{level}}',
  },
  noSkillLevel: { zh: '无技能等级', en: 'without a skill level' },
  notEditable: {
    zh: '申报材料只能在“{{allowed}}”状态下修改（当前为“{{status}}”）',
    en: 'The application can only be edited while it is {{allowed}} (it is {{status}})',
  },
  youManage: { zh: '您是该工作室的管理员，不能对其作出决定', en: 'You manage this studio, so you may not decide on it' },
  ownEnterprise: { zh: '该工作室属于您所在的企业，您不能对其作出决定', en: 'The studio belongs to your own enterprise, so you may not decide on it' },
});

/**
 * Labels of enum values in the reader's language, as alternatives: `已认定”或“暂停` inside a message's own
 * “…” quotes (→ “已认定”或“暂停”), or `Accredited or Suspended`.
 */
export function labelsOf(enumName: string, values: readonly string[]): string {
  const sep = currentLocale() === 'en' ? ' or ' : '”或“';
  return values.map((v) => labelOf(enumName, v)).join(sep);
}
