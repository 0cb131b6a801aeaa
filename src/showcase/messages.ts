import { defineMessages } from '../common/i18n.js';

/** Messages of the showcase module (展示交流: exhibitions; 职工技术创新联盟: alliances). */
export const m = defineMessages('showcase', {
  regionalNeedsRegion: { zh: '区域联盟须填写地区（region）', en: 'A REGIONAL alliance needs a region' },
  industryNeedsIndustry: { zh: '行业联盟须填写行业（industry）', en: 'An INDUSTRY alliance needs an industry' },
  allianceNotEditable: { zh: '只有联盟的组织者或系统管理员可以修改联盟', en: 'Only the alliance’s organizer or an admin may change it' },
  allianceNameTaken: { zh: '已有同名的联盟', en: 'An alliance with this name already exists' },
  joinNeedsAccredited: {
    zh: '只有已认定的工作室可以加入联盟（该工作室当前为“{{status}}”）',
    en: 'Only accredited studios may join an alliance (this one is {{status}})',
  },
  alreadyInAlliance: { zh: '该工作室已是本联盟成员', en: 'The studio is already a member of this alliance' },
  notInAlliance: { zh: '该工作室不是本联盟成员', en: 'The studio is not a member of this alliance' },
  tooLate: { zh: '{{field}} 太晚', en: '{{field}} is too late' },
  notAnExhibitId: { zh: 'itemId 不是创新成果、先进操作法或孵化项目的 ID', en: 'itemId is not an Innovation, OperatingMethod or IncubationProject ID' },
  endsBeforeStart: { zh: '结束时间（endsAt）须晚于开始时间（startsAt）', en: 'endsAt must be after startsAt' },
  exhibitionNotEditable: { zh: '只有展会的组织者或系统管理员可以修改其展品', en: 'Only the exhibition’s organizer or an admin may change its exhibits' },
  alreadyOnShow: { zh: '该展品已在本展会展出', en: 'This item is already on show in the exhibition' },
  innovationNotPublic: { zh: '只能展出已认定工作室的创新成果', en: 'Only innovations of accredited studios may be shown' },
  methodRejected: { zh: '只能展出已命名的先进操作法（该操作法未通过评审）', en: 'Only NAMED operating methods may be shown (this one is REJECTED)' },
  methodNotNamed: { zh: '只能展出已命名的先进操作法（该操作法尚未命名）', en: 'Only NAMED operating methods may be shown (this one is not named yet)' },
  projectTerminated: { zh: '已终止的项目不能展出', en: 'A terminated project may not be shown' },
});
