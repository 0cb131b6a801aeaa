import { defineMessages } from '../common/i18n.js';

/** Messages of advanced operating methods (先进操作法): submission, expert review, naming, promotion. */
export const m = defineMessages('methods', {
  // Lifecycle moves, named in messages that refuse them.
  actAssignReviewers: { zh: '分配评审专家', en: 'Assigning reviewers' },
  actRemoveReviewer: { zh: '撤销评审专家', en: 'Removing a reviewer' },
  actReview: { zh: '评审', en: 'Reviewing' },
  actName: { zh: '命名', en: 'Naming' },
  actReject: { zh: '驳回', en: 'Rejecting' },
  actRecordAdoption: { zh: '登记推广应用', en: 'Recording an adoption' },
  orSeparator: { zh: '或', en: ' or ' },
  moveNotPossible: {
    zh: '操作法当前为“{{status}}”，不能{{action}}（仅在“{{allowed}}”时可以）',
    en: '{{action}} is not possible while the method is {{status}} (only when {{allowed}})',
  },
  // Naming threshold.
  tooFewReviews: { zh: '命名至少需要 {{min}} 份专家评审，目前只有 {{reviews}} 份', en: 'Naming needs at least {{min}} expert reviews; the method has {{reviews}}' },
  meanTooLow: {
    zh: '命名要求专家评审平均总分不低于 {{min}}，本操作法为 {{mean}}（四舍五入；{{reviews}} 份评审合计 {{sum}} 分，需 {{needed}} 分）',
    en: "Naming needs a mean review total of at least {{min}}; the method's is {{mean}} (rounded half up; its {{reviews}} reviews total {{sum}}, {{needed}} needed)",
  },
  officialNameLead: {
    zh: '正式名称须包含第一发明人的姓名“{{lead}}”（例如“{{example}}”）',
    en: 'The official name must contain the lead inventor’s name, {{lead}} (e.g. {{example}})',
  },
  officialNameTaken: { zh: '已有操作法命名为“{{name}}”', en: 'Another method is already named {{name}}' },
  // Submission.
  stepsCount: { zh: '操作步骤须为 1 到 {{max}} 条', en: 'A method has 1 to {{max}} steps' },
  inventorsCount: { zh: '发明人须为 1 到 {{max}} 人', en: 'A method has 1 to {{max}} inventors' },
  inventorTwice: { zh: '该发明人重复列出', en: 'This inventor is listed twice' },
  studioClosed: { zh: '该工作室状态为“{{status}}”，不能通过它提交操作法', en: 'The studio is {{status}}; methods cannot be submitted through it' },
  // Reviewers.
  reviewersCount: { zh: '每次分配 1 到 {{max}} 名评审专家', en: 'Assign 1 to {{max}} reviewers at a time' },
  reviewersTotal: {
    zh: '一项操作法最多 {{max}} 名评审专家（已有 {{assigned}} 名，本次新增 {{adding}} 名）',
    en: 'A method has at most {{max}} reviewers ({{assigned}} assigned, {{adding}} more asked)',
  },
  notReviewerRole: { zh: '{{name}} 不具有评审专家角色', en: '{{name}} does not hold the REVIEWER role' },
  reviewerDisabled: { zh: '{{name}} 的账号已停用，不能担任评审专家', en: '{{name}} is disabled and may not review' },
  submitterMayNotReview: { zh: '{{name}} 是该操作法的提交人，不能担任评审', en: '{{name}} submitted this method and may not review it' },
  reviewerEnterpriseConflict: {
    zh: '{{name}} 与该操作法的发明人或工作室同属一家企业，须回避',
    en: '{{name}} works for an enterprise of this method’s inventors or studio',
  },
  notAReviewerOfMethod: { zh: '该用户不是此操作法的评审专家', en: 'This user is not a reviewer of this method' },
  reviewerHasReviewed: {
    zh: '{{name}} 已提交评审，不能撤销（评审意见须保留在案）',
    en: '{{name}} has already reviewed this method and cannot be removed (the review stays on record)',
  },
  // Reviews.
  notAssignedReviewer: { zh: '您不是该操作法的指定评审专家', en: 'You are not an assigned reviewer of this method' },
  ownEnterprise: { zh: '不能评审本企业的操作法', en: 'You may not review a method from your own enterprise' },
  // Adoptions.
  adoptedBeforeSubmitted: { zh: '推广应用日期不能早于操作法的提交日期', en: 'adoptedAt is before the method was submitted' },
});
