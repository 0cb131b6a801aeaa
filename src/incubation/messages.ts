import { defineMessages } from '../common/i18n.js';

/** Messages of incubation projects (孵化项目): creation, stage gates, partners, funding, milestones. */
export const m = defineMessages('incubation', {
  onlyOwners: { zh: '只有项目创建人、所属工作室管理员或系统管理员可以修改此项目', en: 'Only the project’s creator, its studio’s manager or an admin may change it' },
  managerOwnStudioOnly: { zh: '工作室管理员只能为自己管理的工作室发起项目', en: 'A studio manager may only start projects of a studio they manage' },
  studioNotAccredited: {
    zh: '只有“{{accredited}}”的工作室才能孵化项目（该工作室当前为“{{status}}”）',
    en: 'Only a studio that is {{accredited}} may incubate projects (this one is {{status}})',
  },
  leadNotMember: { zh: '项目负责人须为该工作室成员', en: 'The lead worker must be a member of the studio' },
  // Stage gates (阶段评审).
  staleStage: { zh: '项目已处于“{{stage}}”阶段（不再是“{{expected}}”），请刷新后再评审', en: 'The project is {{stage}} now, not {{expected}}: reload it before deciding' },
  runsProject: { zh: '您负责此项目，不能参与其阶段评审', en: 'You run this project, so you may not decide on its gates' },
  ownEnterprise: { zh: '不能评审本企业的项目', en: 'You may not decide on a project of your own enterprise' },
  gateFinal: { zh: '项目已“{{stage}}”，为最终状态，不再进行阶段评审', en: 'The project is {{stage}}, which is final: no more gate decisions' },
  killNeedsReason: { zh: '终止项目须说明理由：请填写评审意见', en: 'Killing a project needs a reason: give it as the comment' },
  gateNeeds: { zh: '通过“{{stage}}”阶段评审需要{{needs}}', en: 'Passing the {{stage}} gate needs {{needs}}' },
  needsPartner: { zh: '至少一个合作方（addProjectPartner）', en: 'at least one partner (addProjectPartner)' },
  needsMilestone: { zh: '一个已完成的里程碑（completeMilestone）', en: 'a completed milestone (completeMilestone)' },
  needsFunding: { zh: '已登记的资金（recordFunding）', en: 'recorded funding (recordFunding)' },
  nextGate: { zh: '进入“{{next}}”阶段需要{{needs}}', en: '{{next}}: {{needs}}' },
  // The owner's changes.
  projectClosed: { zh: '项目已“{{stage}}”，不能{{action}}', en: 'Cannot {{action}}: the project is {{stage}}' },
  actAddPartner: { zh: '添加合作方', en: 'add a partner' },
  actUpdatePartner: { zh: '修改合作方', en: 'change a partner' },
  actRemovePartner: { zh: '移除合作方', en: 'remove a partner' },
  actRecordFunding: { zh: '登记资金', en: 'record funding' },
  actAddMilestone: { zh: '添加里程碑', en: 'add a milestone' },
  actUpdateMilestone: { zh: '修改里程碑', en: 'change a milestone' },
  actRemoveMilestone: { zh: '删除里程碑', en: 'remove a milestone' },
  actCompleteMilestone: { zh: '完成里程碑', en: 'complete a milestone' },
  partnerExists: { zh: '“{{name}}”已是本项目的{{kind}}合作方', en: '{{name}} is already a partner of this project of the kind {{kind}}' },
  milestoneCompleted: { zh: '该里程碑已完成', en: 'This milestone is already completed' },
  milestoneReached: {
    zh: '已完成的里程碑是阶段评审的依据，不能修改或删除',
    en: 'A completed milestone is evidence for the stage gates and cannot be changed or removed',
  },
  nothingToChange: { zh: '请至少提供一项要修改的内容', en: 'Give at least one thing to change' },
  staleVersion: {
    zh: '项目已被他人修改（当前版本 {{current}}，您读到的是 {{expected}}），请刷新后重试',
    en: 'The project was changed meanwhile (version {{current}}, you read {{expected}}): reload and retry',
  },
});
