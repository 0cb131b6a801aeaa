import { defineMessages } from '../../common/i18n.js';

/** Messages of drill taking (答题): passes, entering, attempts, answers. */
export const m = defineMessages('drillTaking', {
  // Passes.
  notYourEnterprise: { zh: '只能为本企业的职工发放答题凭证', en: 'You may issue passes to workers of your own enterprise only' },
  notYourDrill: { zh: '只有该练兵活动的组织者可以发放答题凭证', en: 'Only the drill’s organizer may issue its passes' },
  drillNotPublished: { zh: '练兵活动尚未发布或已取消', en: 'The drill is not published, or it was cancelled' },
  drillClosed: { zh: '练兵活动已结束', en: 'The drill has closed' },
  notDrillOrganizer: { zh: '只有该练兵活动的组织者可以预先组卷', en: 'Only the drill’s organizer may draw its papers' },
  predrawTooLate: { zh: '练兵活动已开始，不能再预先组卷（开考后按需组卷）', en: 'The window has opened: papers are no longer drawn ahead (they are drawn at start)' },
  drillNotOpen: { zh: '练兵活动尚未开始', en: 'The drill has not opened yet' },
  workerNotEligible: { zh: '该职工不符合本次练兵的参加条件：{{problems}}', en: 'The worker may not take this drill: {{problems}}' },
  noPassToReissue: { zh: '该职工还没有本次练兵的答题凭证', en: 'The worker holds no pass for this drill' },
  csvHeader: { zh: '凭证码,工号,姓名,工种', en: 'Pass,Employee number,Name,Trade' },
  // Entering.
  wrongPass: { zh: '答题凭证或工号不正确', en: 'Wrong pass or employee number' },
  tooManyEntries: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  notAWorker: { zh: '该账号未关联职工，请凭答题凭证进入', en: 'This account is linked to no worker: enter with a pass' },
  noPass: { zh: '您没有本次练兵的答题凭证，请联系本企业', en: 'You hold no pass for this drill: ask your enterprise' },
  needsDrillToken: { zh: '请先凭答题凭证进入练兵（enterDrill）', en: 'Enter the drill with a pass first (enterDrill)' },
  // Attempts.
  passRevoked: { zh: '答题凭证已作废，请使用补发的凭证', en: 'This pass was revoked: use the reissued one' },
  noAttemptsLeft: { zh: '答题次数已用完（共 {{allowed}} 次）', en: 'No attempts left ({{allowed}} allowed)' },
  shortfall: { zh: '题库中的已审核试题不足，无法组卷：{{what}}', en: 'Not enough approved questions to draw a paper: {{what}}' },
  attemptOver: { zh: '本次答题已结束', en: 'This attempt is over' },
  deviceReplaced: { zh: '本次答题已在另一台设备上继续，此设备不能再作答', en: 'The attempt was taken over on another device; this one can no longer answer' },
  notOnPaper: { zh: '该试题不在本次试卷上', en: 'The question is not on this paper' },
  answerTooLong: { zh: '答案最多 {{max}} 项，每项最多 {{chars}} 个字符', en: 'An answer has at most {{max}} parts of at most {{chars}} characters' },
  // The organizer's tools (ops.service.ts).
  notAttemptsOrganizer: { zh: '只有该练兵活动的组织者可以处理答题记录', en: 'Only the drill’s organizer may act on its attempts' },
  extendNotInProgress: { zh: '只能为正在进行的答题延长时间', en: 'Only an attempt under way can have its deadline extended' },
  extensionRange: { zh: '延长时间须为 1 至 {{max}} 分钟（合计）', en: 'The extension must be 1 to {{max}} minutes in total' },
  extensionShorter: { zh: '已延长 {{current}} 分钟，不能缩短', en: 'It is already extended by {{current}} minutes; an extension cannot be shortened' },
  reasonRequired: { zh: '请填写原因（最多 {{max}} 个字符）', en: 'Give a reason (at most {{max}} characters)' },
  voidNotStarted: { zh: '只能作废已开始或已交卷的答题', en: 'Only an attempt started or submitted can be voided' },
  badSeq: { zh: '序号须为非负整数', en: 'The sequence number must be a whole number, 0 or more' },
});
