import { createHash } from 'node:crypto';
import { escapeHtml } from '../competitions/results/score-sheet-page.js';

/**
 * The printable nomination form (推荐表) of one nomination, rendered from plain data: an A4 page with
 * the campaign, the nominee's registry facts, the statement, the linked evidence, the enterprise's
 * internal notice and the signature and seal boxes. No script; its one style sheet is inline,
 * allowed by its hash in the page's Content-Security-Policy. Every user-entered text is escaped.
 */
export interface PrintedNomination {
  campaignTitle: string;
  /** Labels (Chinese): honor kind, level; and the year. */
  honor: string;
  level: string;
  year: number;
  nominee: {
    name: string; gender: string; birthYear: number; enterprise: string; trade: string; skillLevel: string;
    frontLine: boolean; yearsInTrade: number | null; education: string;
  };
  statement: string;
  innovations: { title: string; year: number }[];
  methods: { name: string }[];
  awards: { competition: string; rank: number; prize: string | null }[];
  internalNoticeFrom: string;
  internalNoticeTo: string;
  nominatedBy: string;
  nominatedAt: Date;
  status: string;
  printedAt: Date;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; letter-spacing: 1mm; }
h2 { font-size: 12pt; text-align: center; margin: 0 0 5mm; font-weight: normal; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { width: 26mm; white-space: nowrap; font-weight: normal; background: none; }
td.statement { white-space: pre-wrap; height: 60mm; }
tr { page-break-inside: avoid; }
ol { margin: 0; padding-left: 5mm; }
.empty { color: #444; }
.seal { height: 42mm; position: relative; }
.seal .sign { position: absolute; right: 4mm; bottom: 3mm; text-align: right; line-height: 1.8; }
td.pledge { height: 16mm; }
.sign-line { display: inline-block; margin-left: 18mm; }
.note { color: #444; font-size: 9pt; margin-top: 3mm; }
@media screen { body { padding: 10mm; } }
`;

/** The Content-Security-Policy of the page: nothing but its own inline style sheet. */
export const NOMINATION_FORM_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

// Beijing time, which has no daylight saving: UTC+8 all year.
const when = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
const day = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function nominationFormPage(n: PrintedNomination): string {
  const e = escapeHtml;
  const w = n.nominee;
  const list = (items: string[]) => (items.length ? `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>` : '<span class="empty">无</span>');
  const seal = (role: string, hint: string) =>
    `<tr><th>${role}</th><td class="seal" colspan="3"><span class="empty">${hint}</span><div class="sign">（盖章）<br>负责人签字：<br>年&emsp;&emsp;月&emsp;&emsp;日</div></td></tr>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(w.name)} · ${e(n.campaignTitle)} · 推荐表</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(n.campaignTitle)}</h1>
<h2>${e(n.honor)}（${e(n.level)}，${n.year}年度）推荐表</h2>
<table class="facts">
<tr><th>姓名</th><td id="nominee-name">${e(w.name)}</td><th>性别</th><td>${e(w.gender)}</td></tr>
<tr><th>出生年份</th><td>${w.birthYear}</td><th>学历</th><td>${e(w.education)}</td></tr>
<tr><th>工作单位</th><td colspan="3">${e(w.enterprise)}</td></tr>
<tr><th>工种</th><td>${e(w.trade)}</td><th>技能等级</th><td>${e(w.skillLevel)}</td></tr>
<tr><th>一线职工</th><td>${w.frontLine ? '是' : '否'}</td><th>本工种从业年限</th><td>${w.yearsInTrade == null ? '未登记' : `${w.yearsInTrade}年`}</td></tr>
<tr><th>主要事迹</th><td class="statement" colspan="3">${e(n.statement)}</td></tr>
<tr><th>创新成果</th><td colspan="3" id="innovations">${list(n.innovations.map((i) => `${e(i.title)}（${i.year}年）`))}</td></tr>
<tr><th>先进操作法</th><td colspan="3" id="methods">${list(n.methods.map((m) => e(m.name)))}</td></tr>
<tr><th>竞赛获奖</th><td colspan="3" id="awards">${list(n.awards.map((a) => `${e(a.competition)}：第${a.rank}名${a.prize ? `，${e(a.prize)}` : ''}`))}</td></tr>
<tr><th>单位内部公示</th><td colspan="3" id="internal-notice">${day(n.internalNoticeFrom)} 至 ${day(n.internalNoticeTo)}</td></tr>
<tr><th>本人承诺</th><td colspan="3" class="pledge">以上情况属实。<span class="sign-line">本人签字：</span><span class="sign-line">年&emsp;&emsp;月&emsp;&emsp;日</span></td></tr>
${seal('推荐单位意见', '经单位内部公示无异议，同意推荐。')}
${seal('评选组织单位意见', '')}
</table>
<p class="note">推荐人：${e(n.nominatedBy)}；推荐时间：${when(n.nominatedAt)}；当前状态：${e(n.status)}。打印时间：${when(n.printedAt)}</p>
</body>
</html>
`;
}
