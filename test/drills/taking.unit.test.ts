import { QuestionType, DrillResultRelease, AttemptStatus } from '../../src/drills/enums';
import { markPaper, type KeyedQuestion } from '../../src/drills/taking/marking';
import { newPassCode, normalizePassCode, passCodeHash, PASS_ALPHABET } from '../../src/drills/taking/pass-code';
import { drillDelayMs, ENTRY_DRILL_FAILURES_BEFORE_DELAY, ENTRY_MAX_DELAY_MS } from '../../src/drills/taking/entry-throttle';
import { resultReleased } from '../../src/drills/taking/access';
import { DrillTokenService, drillBearer } from '../../src/drills/taking/drill-token';
import { TokenService } from '../../src/auth/tokens';

/* Pure parts of drill taking: marking, pass codes, the entry throttle's delay, when results are released. */
describe('markPaper', () => {
  const q = (type: QuestionType, topic: string, answerKey: string[]): KeyedQuestion => ({ type, topic, answerKey });
  const questions = new Map<string, KeyedQuestion>([
    ['a', q(QuestionType.SINGLE_CHOICE, '安全', ['B'])],
    ['b', q(QuestionType.MULTIPLE_CHOICE, '安全', ['A', 'C'])],
    ['c', q(QuestionType.TRUE_FALSE, '工艺', ['TRUE'])],
    ['d', q(QuestionType.FILL_IN, '工艺', ['焊条', 'welding rod'])],
  ]);
  const paper = [
    { questionId: 'a', optionOrder: ['C', 'A', 'B'], points: 2 },
    { questionId: 'b', optionOrder: ['A', 'B', 'C'], points: 3 },
    { questionId: 'c', optionOrder: [], points: 1 },
    { questionId: 'd', optionOrder: [], points: 4 },
  ];

  it('gives each right answer its points, per topic, in paper order', () => {
    const answers = new Map([['a', ['B']], ['b', ['C', 'A']], ['c', ['FALSE']], ['d', [' Welding  Rod ']]]);
    expect(markPaper(paper, answers, questions)).toEqual({
      score: 9, maxScore: 10, correct: [true, true, false, true],
      breakdown: [
        { topic: '安全', score: 5, maxScore: 5, correct: 2, questions: 2 },
        { topic: '工艺', score: 4, maxScore: 5, correct: 1, questions: 2 },
      ],
    });
  });

  it('gives nothing for unanswered, empty, partial or unknown answers, and keeps the maximum', () => {
    const answers = new Map([['a', []], ['b', ['A']], ['d', ['电焊条']]]);
    const marks = markPaper(paper, answers, questions);
    expect(marks).toMatchObject({ score: 0, maxScore: 10, correct: [false, false, false, false] });
    const gone = markPaper(paper, new Map([['a', ['B']]]), new Map());
    expect(gone).toMatchObject({ score: 0, maxScore: 10 });
  });
});

describe('pass codes', () => {
  it('are 12 unambiguous characters in groups of four, different each time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newPassCode()));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${PASS_ALPHABET}]{4}-[${PASS_ALPHABET}]{4}-[${PASS_ALPHABET}]{4}$`));
    expect(PASS_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
  });

  it('match however they are typed: case, dashes, spaces, full-width', () => {
    expect(normalizePassCode(' 7kqm xa3t-prw9 ')).toBe('7KQMXA3TPRW9');
    expect(passCodeHash('７ＫＱＭ－ＸＡ３Ｔ－ＰＲＷ９')).toBe(passCodeHash('7KQM-XA3T-PRW9'));
    expect(passCodeHash('7KQM-XA3T-PRW9')).not.toBe(passCodeHash('7KQM-XA3T-PRW7'));
    expect(passCodeHash('7KQM-XA3T-PRW9')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the entry throttle’s delay per drill', () => {
  it('is nothing below the threshold, then grows to a cap', () => {
    expect(drillDelayMs(ENTRY_DRILL_FAILURES_BEFORE_DELAY - 1)).toBe(0);
    expect(drillDelayMs(ENTRY_DRILL_FAILURES_BEFORE_DELAY)).toBeGreaterThan(0);
    expect(drillDelayMs(1e6)).toBe(ENTRY_MAX_DELAY_MS);
  });
});

describe('result release', () => {
  const closesAt = new Date('2026-12-07T10:00:00Z');
  const before = new Date('2026-12-07T09:00:00Z');
  const after = new Date('2026-12-07T10:00:00Z');
  it.each([
    [AttemptStatus.IN_PROGRESS, DrillResultRelease.IMMEDIATELY, before, false],
    [AttemptStatus.SUBMITTED, DrillResultRelease.IMMEDIATELY, before, true],
    [AttemptStatus.SUBMITTED, DrillResultRelease.AFTER_WINDOW, before, false],
    [AttemptStatus.SUBMITTED, DrillResultRelease.AFTER_WINDOW, after, true],
    [AttemptStatus.IN_PROGRESS, DrillResultRelease.AFTER_WINDOW, after, false],
    [AttemptStatus.VOIDED, DrillResultRelease.IMMEDIATELY, after, false],
  ])('%s, %s, at %s → %s', (status, resultRelease, now, want) => {
    expect(resultReleased({ status }, { resultRelease, closesAt }, now)).toBe(want);
  });
});

describe('drill tokens', () => {
  const secret = 'unit-test-secret-that-is-at-least-32-bytes';
  const drillTokens = new DrillTokenService(secret);
  const users = new TokenService(secret, 3600);
  const taker = { workerId: 'w', drillId: 'd', passId: 'p', deviceId: 'dev' };

  it('carry the taker, and are never taken for a user token nor the other way round', async () => {
    const token = await drillTokens.issue(taker, new Date(Date.now() + 60_000));
    expect(await drillTokens.check(token)).toEqual({ taker });
    expect(drillBearer(`Bearer ${token}`)).toBe(token);
    expect(await users.check(token)).toEqual({ refusal: 'TOKEN_INVALID' });
    const userToken = await users.issue({ userId: 'u', tokenVersion: 1 });
    expect(drillBearer(`Bearer ${userToken}`)).toBeNull();
    expect(await drillTokens.check(userToken)).toEqual({ refusal: 'TOKEN_INVALID' });
    expect(await new DrillTokenService(`${secret}-other`).check(token)).toEqual({ refusal: 'TOKEN_INVALID' });
  });

  it('tell an expired token apart', async () => {
    const token = await drillTokens.issue(taker, new Date(Date.now() - 1000));
    expect(await drillTokens.check(token)).toEqual({ refusal: 'TOKEN_EXPIRED' });
    expect(await drillTokens.verify(token)).toBeNull();
  });

  it('once verified, still expire on time, and a tampered copy is not taken for the verified one', async () => {
    const tokens = new DrillTokenService(secret);
    const expiresAt = Date.now() + 2_000;
    const token = await tokens.issue(taker, new Date(expiresAt));
    expect(await tokens.check(token)).toEqual({ taker });
    const [head, body, sig] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: 'other' })).toString('base64url')}.${sig}`;
    expect(await tokens.check(forged)).toEqual({ refusal: 'TOKEN_INVALID' });
    const now = jest.spyOn(Date, 'now').mockReturnValue(expiresAt + 1);
    try {
      expect(await tokens.check(token)).toEqual({ refusal: 'TOKEN_EXPIRED' });
      expect(await tokens.check(token)).toEqual({ refusal: 'TOKEN_EXPIRED' });
    } finally {
      now.mockRestore();
    }
  });
});
