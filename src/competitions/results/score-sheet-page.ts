import { createHash } from 'node:crypto';
import { twoPlaces } from './score-sheet-digest.js';

/**
 * The printable score sheet of one stage (评分表), rendered from plain data: an A4 page with every
 * entry's marks per criterion and judge, the corrections, the digest, the sign-off and the signature
 * lines (签字) of the stage's judges and the chief judge. No script; its one style sheet is inline,
 * allowed by its hash in the page's Content-Security-Policy.
 */
export interface PrintedSheet {
  competitionTitle: string;
  stageName: string;
  /** Entries as the jury sees them, in start-number order; `note` says why one takes no marks. */
  entries: { id: string; label: string; note: string | null }[];
  criteria: { id: string; name: string; maxScore: number }[];
  /** The stage's judges (columns and signature lines), in panel order. */
  judges: { id: string; name: string }[];
  chiefJudge: { name: string } | null;
  /** Keyed `${entryId}:${criterionId}:${judgeId}`; `revised` when the mark was corrected. */
  marks: Map<string, { value: number; revised: boolean }>;
  /** Keyed `${entryId}:${criterionId}`: the mark that counts (JUDGEMENT: aggregated). */
  counted: Map<string, number>;
  corrections: { entry: string; criterion: string; judge: string; from: number; to: number; kind: string; reason: string; at: Date }[];
  digest: string;
  signOff: { by: string; at: Date; digest: string } | null;
  printedAt: Date;
}

/** The house fonts of printed pages: WenQuanYi is what the servers and CI have (fonts-wqy-microhei). */
export const PRINT_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
/** Monospace for codes and digests. */
export const PRINT_MONO = '"DejaVu Sans Mono", monospace';

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${PRINT_FONTS}; font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
h2 { font-size: 13pt; text-align: center; margin: 0 0 4mm; font-weight: normal; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 0.3mm solid #000; padding: 1mm 1.5mm; text-align: center; }
th, table.marks td:first-child { white-space: nowrap; }
td.name, th.name { text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.note { color: #444; font-size: 9pt; }
.digest { font-family: ${PRINT_MONO}; font-size: 9pt; word-break: break-all; }
.status { margin: 3mm 0; }
.signatures { margin-top: 6mm; page-break-inside: avoid; }
.signature { display: flex; gap: 4mm; margin: 5mm 0; align-items: flex-end; }
.signature .role { width: 22mm; }
.signature .who { width: 40mm; }
.signature .line { flex: 1; border-bottom: 0.3mm solid #000; height: 7mm; }
.signature .date { width: 38mm; border-bottom: 0.3mm solid #000; height: 7mm; }
@media screen { body { padding: 10mm; } }
@media print { a { color: #000; text-decoration: none; } }
`;

/** The Content-Security-Policy of the page: nothing but its own inline style sheet. */
export const SCORE_SHEET_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Beijing time, which has no daylight saving: UTC+8 all year.
const when = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;

export function scoreSheetPage(s: PrintedSheet): string {
  const e = escapeHtml;
  const head = `<tr><th class="name">参赛号</th><th class="name">评分项</th>${s.judges.map((j) => `<th>${e(j.name)}</th>`).join('')}<th>计分</th></tr>`;
  const body = s.entries.flatMap((entry) => s.criteria.map((c, i) => {
    const first = i === 0 ? `<td class="name" rowspan="${s.criteria.length}">${e(entry.label)}${entry.note ? `<div class="note">${e(entry.note)}</div>` : ''}</td>` : '';
    const cells = s.judges.map((j) => {
      const m = s.marks.get(`${entry.id}:${c.id}:${j.id}`);
      return `<td>${m ? `${twoPlaces(m.value)}${m.revised ? '*' : ''}` : '—'}</td>`;
    }).join('');
    const counted = s.counted.get(`${entry.id}:${c.id}`);
    return `<tr data-entry-id="${e(entry.id)}">${first}<td class="name">${e(c.name)}（满分 ${twoPlaces(c.maxScore)}）</td>${cells}<td>${counted === undefined ? '—' : twoPlaces(counted)}</td></tr>`;
  })).join('\n');
  const corrections = s.corrections.length === 0 ? '<p>无更正。</p>' : `<table class="corrections">
<thead><tr><th>参赛号</th><th>评分项</th><th>更正人</th><th>原分</th><th>新分</th><th>类别</th><th class="name">原因</th><th>时间</th></tr></thead>
<tbody>${s.corrections.map((r) => `<tr><td>${e(r.entry)}</td><td>${e(r.criterion)}</td><td>${e(r.judge)}</td><td>${twoPlaces(r.from)}</td><td>${twoPlaces(r.to)}</td><td>${e(KIND[r.kind] ?? r.kind)}</td><td class="name">${e(r.reason)}</td><td>${when(r.at)}</td></tr>`).join('\n')}</tbody>
</table>`;
  const status = s.signOff
    ? `已由裁判长 ${e(s.signOff.by)} 于 ${when(s.signOff.at)} 签字确认${s.signOff.digest === s.digest ? '，摘要与本表一致' : '，<strong>摘要与本表不一致</strong>'}。`
    : '尚未签字确认（或签字后成绩已变更）。';
  const line = (role: string, name: string) =>
    `<div class="signature"><span class="role">${role}</span><span class="who">${e(name)}</span><span>签字：</span><span class="line"></span><span>日期：</span><span class="date"></span></div>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(s.competitionTitle)} · ${e(s.stageName)} · 评分表</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(s.competitionTitle)}</h1>
<h2>${e(s.stageName)} 评分表</h2>
<table class="marks">
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<p class="note">* 该评分经过更正，见下方更正记录。计分：测量项为所录分值，评判项为各裁判评分的汇总。</p>
<h3>更正记录</h3>
${corrections}
<h3>成绩摘要（SHA-256）</h3>
<p class="digest" id="digest">${e(s.digest)}</p>
<p class="note">按 docs/score-sheet-digest.md 规定的格式由本赛段全部评分及更正记录计算，任何人可复核。</p>
<p class="status" id="sign-off-status">签字状态：${status}</p>
<section class="signatures">
<h3>签字</h3>
${s.judges.map((j) => line('评分裁判', j.name)).join('\n')}
${line('裁判长', s.chiefJudge?.name ?? '')}
</section>
<p class="note">打印时间：${when(s.printedAt)}</p>
</body>
</html>
`;
}

const KIND: Record<string, string> = { CORRECTION: '更正', RECHECK: '复核', APPEAL: '申诉' };
