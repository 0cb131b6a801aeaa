import { passesPage, SLIPS_PER_PAGE, windowText, type PrintedPasses } from '../../src/drills/taking/pass-page';
import { newPassCode, PASS_ALPHABET } from '../../src/drills/taking/pass-code';

/* The printable drill passes (答题凭证), as a pure function of the issue: slips, sheets, escaping, dates. */
const drill = {
  title: '2026年电焊安全网上练兵', opensAt: new Date('2026-12-07T01:00:00Z'), closesAt: new Date('2026-12-07T03:30:00Z'),
  timeLimitMinutes: 30, attemptsAllowed: 1,
};
const pass = (i: number, over: Partial<PrintedPasses['passes'][number]> = {}) => ({ workerName: `工人${i}`, employeeNumber: `E${i}`, code: newPassCode(), ...over });
const page = (passes: PrintedPasses['passes'], over: Partial<PrintedPasses> = {}) => passesPage({ drill, enterpriseName: '港城焊接有限公司', passes, takerUrl: null, ...over });
const slips = (html: string) => html.match(/<div class="slip">/g)?.length ?? 0;
const sheets = (html: string) => html.match(/<section class="sheet">/g)?.length ?? 0;

describe('passesPage', () => {
  it('prints one slip per pass, four to a sheet, with everything a worker needs', () => {
    const passes = Array.from({ length: 9 }, (_, i) => pass(i));
    const html = page(passes);
    expect(slips(html)).toBe(9);
    expect(sheets(html)).toBe(3); // 4 + 4 + 1
    expect(SLIPS_PER_PAGE).toBe(4);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('page-break-inside: avoid');
    for (const p of passes) {
      expect(html).toContain(`<div class="code">${p.code}</div>`);
      expect(html).toContain(`<td class="worker">${p.workerName}</td><td class="k">工号</td><td class="number">${p.employeeNumber}</td>`);
    }
    expect(html.match(/2026年电焊安全网上练兵/g)).toHaveLength(10); // each slip and the title
    expect(html).toContain('2026年12月7日 09:00–11:30（北京时间）');
    expect(html).toContain('每次 30 分钟');
    expect(html).toContain('限答 1 次');
    expect(html).toContain('港城焊接有限公司');
    expect(html).toContain('Enter this pass code with your employee number');
    expect(html).not.toContain('答题网址'); // no taker address configured: none printed
    expect(html).not.toMatch(/<script|<link|src=|url\(/); // self-contained, nothing fetched
  });

  it('prints the taker address when there is one, and several attempts', () => {
    const html = page([pass(1)], { takerUrl: 'https://jx.example.cn/drill?a=1&b=2', drill: { ...drill, attemptsAllowed: 3 } });
    expect(html).toContain('答题网址 / Go to：https://jx.example.cn/drill?a=1&#38;b=2');
    expect(html).toContain('可答 3 次');
  });

  it('escapes everything it prints: a worker named <script> prints as text', () => {
    const html = page([pass(1, { workerName: '<script>alert("x")</script>', employeeNumber: `E&'1` })], {
      enterpriseName: '<img src=x onerror=alert(1)>', drill: { ...drill, title: '练兵 </title><b>' },
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('</title><b>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain('E&#38;&#39;1');
  });

  it('never prints a code outside the pass alphabet (no 0/O, 1/I to misread)', () => {
    expect(PASS_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
    expect(() => page([pass(1, { code: 'O0O0-1I1I-AAAA' })])).toThrow('alphabet');
    expect(() => page([pass(1, { code: '<b>' })])).toThrow('alphabet');
  });

  it('says so when nothing was issued', () => {
    const html = page([]);
    expect(sheets(html)).toBe(0);
    expect(html).toContain('本次没有新发的凭证');
  });

  it('writes the window in Beijing time, both dates when it spans days', () => {
    expect(windowText(new Date('2026-12-06T16:00:00Z'), new Date('2026-12-08T09:05:00Z'))).toBe('2026年12月7日 00:00 至 2026年12月8日 17:05');
    expect(windowText(new Date('2026-12-31T17:00:00Z'), new Date('2026-12-31T18:00:00Z'))).toBe('2027年1月1日 01:00–02:00');
  });
});
