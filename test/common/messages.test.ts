import { buildSchema } from '../../src/schema';
import { messageCatalogs, negotiateLocale } from '../../src/common/i18n';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { wsClient, wsRequest } from '../helpers/ws';
import { Role } from '../../src/auth/role';

/**
 * Messages in both languages (issue 13): every message key has a Chinese and an English text with the
 * same placeholders; a request gets the language its Accept-Language (or socket's locale) asks for,
 * Chinese by default.
 */
const CJK = /[\u3400-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  beforeAll(async () => {
    await buildSchema(); // loads every module, so every catalog is registered
  });

  it('every message has a Chinese and an English text with the same placeholders', () => {
    const catalogs = messageCatalogs();
    expect(catalogs.size).toBeGreaterThan(1);
    const faults: string[] = [];
    for (const [ns, messages] of catalogs) {
      for (const [key, { zh, en }] of Object.entries(messages)) {
        const id = `${ns}:${key}`;
        if (!zh?.trim() || !CJK.test(zh)) faults.push(`${id}: the Chinese text is missing or not Chinese`);
        if (!en?.trim()) faults.push(`${id}: the English text is missing`);
        else if (CJK.test(en.replace(/\{\{[^}]*\}\}/g, ''))) faults.push(`${id}: the English text has Chinese in it (names belong in placeholders)`);
        if (placeholders(zh).join() !== placeholders(en).join()) faults.push(`${id}: placeholders differ (${placeholders(zh)} / ${placeholders(en)})`);
        if (['count', 'context', 'lng', 'ns', 'defaultValue'].some((r) => placeholders(zh).includes(r))) faults.push(`${id}: a placeholder uses a name i18next reserves`);
      }
    }
    expect(faults).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.3, zh;q=0.7', 'zh-CN'],
    ['de, fr', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['*', 'zh-CN'],
    ['EN-gb', 'en'],
  ])('%j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('the reader’s language, through the API', () => {
  let t: TestServer;
  let organizer: { token: string };
  const UPDATE = `mutation($input: UpdateCompetitionInput!) { updateCompetition(input: $input) { competition { id } userErrors { code field message } } }`;
  const ADMIN_ONLY = `mutation { disableUser(input: { userId: "x" }) { user { id } } }`;

  beforeAll(async () => {
    t = await startTestServer();
    organizer = await t.user([Role.ORGANIZER]);
  });
  afterAll(() => t.close());

  it('writes userErrors in Chinese by default and in English when Accept-Language asks for it', async () => {
    const input = { input: { competitionId: 'not-an-id' } };
    const zh = ok(await t.gql(UPDATE, input, organizer.token)).updateCompetition.userErrors;
    const en = ok(await t.gql(UPDATE, input, organizer.token, { locale: 'en-US,en;q=0.9' })).updateCompetition.userErrors;
    expect(zh).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'competitionId'], message: 'competitionId 不是竞赛的 ID' }]);
    expect(en).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'competitionId'], message: 'competitionId is not a Competition ID' }]);
  });

  it('writes our GraphQL errors in the same language, and says which one in Content-Language', async () => {
    const anon = await t.gql(ADMIN_ONLY);
    expect(anon.errors?.[0]).toMatchObject({ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } });
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${organizer.token}` },
      body: JSON.stringify({ query: ADMIN_ONLY }),
    });
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'This needs one of the roles: ADMIN', extensions: { code: 'FORBIDDEN' } });
  });

  it('refuses a Decimal or a Date that is not a string in the same language', async () => {
    // Variable coercion fails before any resolver runs, so no chief technician or worker is needed.
    const DESIGNATE = `mutation($input: DesignateChiefTechnicianInput!) { designateChiefTechnician(input: $input) { userErrors { message } } }`;
    const input = { input: { workerId: 'x', incentive: 'ALLOWANCE', termFrom: 20150301, termTo: '2018-02-28', incentiveAmount: 1200.5 } };
    const messages = async (locale?: string) => ((await t.gql(DESIGNATE, input, organizer.token, { locale })).errors ?? []).map((e) => e.message).join('\n');
    const zh = await messages();
    const en = await messages('en');
    expect(zh).toContain('Decimal 须为字符串形式的金额，例如 "12500.50"');
    expect(zh).toContain('Date 须为 YYYY-MM-DD 格式的字符串，例如 "2015-03-01"');
    expect(en).toContain('Decimal must be a string, e.g. "12500.50"');
    expect(en).toContain('Date must be a string as YYYY-MM-DD, e.g. "2015-03-01"');
    expect(en).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('on a WebSocket, follows connectionParams.locale, else the handshake’s Accept-Language', async () => {
    const input = { input: { competitionId: 'not-an-id' } };
    const en = wsClient(t.wsUrl, organizer.token, { locale: 'en' });
    const zh = wsClient(t.wsUrl, organizer.token);
    try {
      const a = await wsRequest(en, UPDATE, input);
      const b = await wsRequest(zh, UPDATE, input);
      expect((a.data as any).updateCompetition.userErrors[0].message).toBe('competitionId is not a Competition ID');
      expect((b.data as any).updateCompetition.userErrors[0].message).toBe('competitionId 不是竞赛的 ID');
    } finally {
      await en.dispose();
      await zh.dispose();
    }
  });
});
