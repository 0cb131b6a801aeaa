import { defineMessages } from '../../common/i18n.js';

/** Messages of anonymous marking (加密评分): issuing marking codes, marking by code. */
export const m = defineMessages('competitions.marking', {
  onlyOfficerIssues: { zh: '只有本竞赛的加密裁判可以发放加密号', en: 'Only the competition’s encryption officer issues marking codes' },
  notAnonymous: { zh: '赛段“{{stage}}”不是加密评分赛段，无需发放加密号', en: 'Stage “{{stage}}” is not marked anonymously: it needs no marking codes' },
  notIssuable: {
    zh: '抽签后、评分结束前才能发放加密号（竞赛当前为“{{status}}”）',
    en: 'Marking codes are issued after the draw and before scoring closes (the competition is {{status}})',
  },
  drawFirst: { zh: '还有参赛没有参赛号：请先抽签，再发放加密号', en: 'Some entries have no start number: draw lots before issuing marking codes' },
  /** One answer for a marking ID that is unknown, of another stage, or of an entry the judge may not mark. */
  noSuchMarkingId: { zh: '您的评分列表中没有该评分编号，请核对加密号', en: 'No such marking ID on your marking list: check the code' },
});
