import { answerKey, etagOf, ifNoneMatchHits, ResponseStore, type CachedAnswer } from '../../src/cache/store';

const answer = (bytes: number): CachedAnswer => {
  const body = Buffer.alloc(bytes, 1);
  return { body, gzip: null, etag: etagOf(body), contentType: 'application/json', requestedCost: 1, actualCost: 1 };
};

describe('ResponseStore', () => {
  it('drops the least recently used answers once their bytes pass the bound', () => {
    const s = new ResponseStore(3000);
    expect(s.set('a', answer(900), 0)).toBe(true);
    expect(s.set('b', answer(900), 0)).toBe(true);
    s.get('a'); // a is now more recent than b
    expect(s.set('c', answer(900), 0)).toBe(true);
    expect([s.get('a') !== undefined, s.get('b') !== undefined, s.get('c') !== undefined]).toEqual([true, false, true]);
    expect(s.bytes).toBeLessThanOrEqual(3000);
    expect(s.set('huge', answer(5000), 0)).toBe(false);
  });

  it('refuses an answer computed before an invalidation, and forgets everything on one', () => {
    const s = new ResponseStore(10_000);
    const g = s.generation;
    s.set('a', answer(10), g);
    s.invalidate();
    expect(s.get('a')).toBeUndefined();
    expect(s.set('b', answer(10), g)).toBe(false);
    expect(s.set('b', answer(10), s.generation)).toBe(true);
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('keys on every part and matches If-None-Match weakly', () => {
    const k = { query: '{ a }', variables: { x: 1 }, locale: 'zh-CN', media: 'application/json' };
    expect(new Set([answerKey(k), answerKey({ ...k, locale: 'en' }), answerKey({ ...k, variables: { x: 2 } }), answerKey({ ...k, media: 'application/graphql-response+json' }), answerKey({ ...k, operationName: 'A' })]).size).toBe(5);
    const tag = etagOf(Buffer.from('x'));
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag.slice(2)}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
