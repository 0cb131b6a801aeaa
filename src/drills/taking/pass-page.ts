import { escapeHtml, PRINT_FONTS, PRINT_MONO } from '../../competitions/results/score-sheet-page.js';
import { PASS_ALPHABET } from './pass-code.js';

/**
 * The printable drill passes (答题凭证) of one issue: a self-contained A4 HTML document of cut-out
 * slips, SLIPS_PER_PAGE to a sheet, for an enterprise's contact to print and hand out. It is built
 * once, in the issuing response, like the CSV: the clear codes exist nowhere else (only their hashes
 * are stored). No script, no external resource: it prints the same offline.
 */
export interface PrintedPasses {
  drill: { title: string; opensAt: Date; closesAt: Date; timeLimitMinutes: number; attemptsAllowed: number };
  enterpriseName: string;
  passes: { workerName: string; employeeNumber: string; code: string }[];
  /** Where takers go to enter, when the deployment has a public address for it; omitted otherwise. */
  takerUrl: string | null;
}

/** Slips per A4 sheet: each 66 mm high, so four fit within the margins with room to cut. */
export const SLIPS_PER_PAGE = 4;

const STYLE = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: ${PRINT_FONTS}; font-size: 10pt; color: #000; margin: 0; }
.sheet { height: 276mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.slip { flex: none; height: 66mm; margin-bottom: 3mm; padding: 3mm 6mm; border: 0.3mm dashed #555; break-inside: avoid; page-break-inside: avoid; overflow: hidden; position: relative; }
.slip::before { content: "✂"; position: absolute; top: -3.2mm; left: 3mm; background: #fff; font-size: 9pt; line-height: 1; }
.head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.3mm solid #000; padding-bottom: 1.5mm; margin-bottom: 2mm; }
.title { font-size: 12.5pt; font-weight: bold; }
.kind { font-size: 10pt; white-space: nowrap; margin-left: 4mm; }
.kind small { font-size: 7.5pt; color: #444; }
table { border-collapse: collapse; width: 100%; }
td { padding: 0.6mm 1mm; vertical-align: top; }
td.k { width: 22mm; color: #333; white-space: nowrap; }
.code { font-family: ${PRINT_MONO}; font-size: 24pt; font-weight: bold; letter-spacing: 1.5mm; text-align: center; margin: 2mm 0 1mm; }
.where { text-align: center; font-size: 9.5pt; margin-bottom: 1mm; word-break: break-all; }
.zh { font-size: 9pt; margin: 1mm 0 0; }
.en { font-size: 7pt; color: #444; margin: 0.8mm 0 0; }
@media screen { body { background: #eee; } .sheet { width: 190mm; margin: 5mm auto; background: #fff; padding: 2mm; height: auto; } }
`;

// Beijing time, which has no daylight saving: UTC+8 all year.
function parts(d: Date): { date: string; time: string } {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日`, time: `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}` };
}

/** 2026年12月7日 09:00–11:00 on one day, else both dates; Beijing time. */
export function windowText(opensAt: Date, closesAt: Date): string {
  const [a, b] = [parts(opensAt), parts(closesAt)];
  return a.date === b.date ? `${a.date} ${a.time}–${b.time}` : `${a.date} ${a.time} 至 ${b.date} ${b.time}`;
}

const CODE = new RegExp(`^[${PASS_ALPHABET}]{4}(-[${PASS_ALPHABET}]{4})*$`);

function slip(p: PrintedPasses, pass: PrintedPasses['passes'][number]): string {
  const e = escapeHtml;
  const d = p.drill;
  // A code outside the alphabet could hold a character a worker misreads (0/O, 1/I): never print one.
  if (!CODE.test(pass.code)) throw new Error('a pass code outside the pass alphabet');
  const attempts = d.attemptsAllowed === 1 ? '限答 1 次' : `可答 ${d.attemptsAllowed} 次`;
  const where = p.takerUrl ? `<div class="where">答题网址 / Go to：${e(p.takerUrl)}</div>` : '';
  return `<div class="slip">
<div class="head"><span class="title">${e(d.title)}</span><span class="kind">答题凭证 <small>Drill pass</small></span></div>
<table>
<tr><td class="k">企业</td><td>${e(p.enterpriseName)}</td></tr>
<tr><td class="k">姓名</td><td class="worker">${e(pass.workerName)}</td><td class="k">工号</td><td class="number">${e(pass.employeeNumber)}</td></tr>
<tr><td class="k">答题时间</td><td colspan="3">${e(windowText(d.opensAt, d.closesAt))}（北京时间）</td></tr>
<tr><td class="k">限时</td><td>每次 ${d.timeLimitMinutes} 分钟</td><td class="k">次数</td><td>${attempts}</td></tr>
</table>
<div class="code">${e(pass.code)}</div>
${where}<p class="zh">凭本凭证码和本人工号进入答题，无需注册账号。输入时不分大小写，短横线可不输；码中没有 0、O、1、I 等易混字符。本凭证仅限本人在上述时间内使用；遗失请找本企业联系人补发，补发后原凭证作废。</p>
<p class="en">Enter this pass code with your employee number to take the drill; no account needed. Case and dashes do not matter, and the code has no 0, O, 1 or I. For your use only, within the times above. Lost it? Ask your enterprise's contact for a new one; the old one then stops working.</p>
</div>`;
}

export function passesPage(p: PrintedPasses): string {
  const sheets: string[] = [];
  for (let i = 0; i < p.passes.length; i += SLIPS_PER_PAGE) {
    sheets.push(`<section class="sheet">\n${p.passes.slice(i, i + SLIPS_PER_PAGE).map((pass) => slip(p, pass)).join('\n')}\n</section>`);
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(p.drill.title)} · 答题凭证 · ${escapeHtml(p.enterpriseName)}</title>
<style>${STYLE}</style>
</head>
<body>
${sheets.length ? sheets.join('\n') : '<p>本次没有新发的凭证。 / No passes were issued this time.</p>'}
</body>
</html>
`;
}
