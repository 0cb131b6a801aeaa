import { LatestHub } from '../../src/live/latest.js';
import { encodeMessage, inlineRawJson, RawJson } from '../../src/live/raw-json.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('LatestHub', () => {
  it('hands a waiting subscriber each value, and a busy one only the newest', async () => {
    const hub = new LatestHub<number>(2);
    const waiting = hub.subscribe('board');
    const busy = hub.subscribe('board');
    const first = waiting.next();
    hub.publish('board', 1);
    await tick();
    expect(await first).toEqual({ value: 1, done: false });
    for (const v of [2, 3, 4]) {
      hub.publish('board', v);
      await tick();
    }
    expect(await busy.next()).toEqual({ value: 4, done: false });
    expect(await waiting.next()).toEqual({ value: 4, done: false });
  });

  it('keeps topics apart and forgets a subscriber that returned, even while it waits', async () => {
    const hub = new LatestHub<string>();
    const a = hub.subscribe('a');
    const b = hub.subscribe('b');
    const pending = a.next();
    await a.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(hub.subscriberCount('a')).toBe(0);
    hub.publish('b', 'x');
    hub.publish('a', 'lost');
    expect(await b.next()).toEqual({ value: 'x', done: false });
    expect(hub.subscriberCount()).toBe(1);
  });

  it('offers in chunks across turns, and a newer value takes over from one still being offered', async () => {
    const hub = new LatestHub<number>(2);
    const subs = Array.from({ length: 5 }, () => hub.subscribe('t'));
    hub.publish('t', 1);
    hub.publish('t', 2);
    await tick();
    await tick();
    await tick();
    for (const s of subs) expect(await s.next()).toEqual({ value: 2, done: false });
  });
});

describe('LatestHub under a burst', () => {
  it('reaches every subscriber when each new value takes over before a round ends (round robin)', async () => {
    const hub = new LatestHub<number>(2);
    const subs = Array.from({ length: 5 }, () => hub.subscribe('t'));
    for (const v of [1, 2, 3]) hub.publish('t', v); // each offers 2 subscribers before the next takes over
    const got = await Promise.all(subs.map((s) => Promise.race([s.next().then((r) => r.value), tick().then(() => 'nothing')])));
    expect(got).toEqual([3, 1, 2, 2, 3]);
  });
});

describe('LatestHub with a minimum interval', () => {
  it('sends the first board at once, then at most one (the newest) per interval', async () => {
    const hub = new LatestHub<number>(100, 80);
    const screen = hub.subscribe('board');
    hub.publish('board', 1);
    const t0 = Date.now();
    expect(await screen.next()).toEqual({ value: 1, done: false });
    expect(Date.now() - t0).toBeLessThan(40);
    const second = screen.next();
    for (const v of [2, 3, 4]) hub.publish('board', v);
    expect(await second).toEqual({ value: 4, done: false });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(75);
  });
});

describe('RawJson', () => {
  it('serializes once and is spliced back into the message, as JSON.stringify would have written it', () => {
    const data = { leaderboardUpdated: { version: 7, rows: [{ name: '王晓明 "quoted"', total: 91.5 }] } };
    const message = JSON.stringify({ id: '1', type: 'next', payload: { data: new RawJson(data) } });
    expect(inlineRawJson(message)).toBe(JSON.stringify({ id: '1', type: 'next', payload: { data } }));
  });

  it('leaves messages without a marker alone and cannot be imitated by user text', () => {
    const plain = JSON.stringify({ id: '2', type: 'next', payload: { data: { name: '\u0000rawjson:0:1\u0000' } } });
    expect(inlineRawJson(plain)).toBe(plain);
  });

  it('splices several markers in one message', () => {
    const a = new RawJson([1, 2]);
    const b = new RawJson({ z: null });
    expect(inlineRawJson(JSON.stringify({ a, b, c: 3 }))).toBe('{"a":[1,2],"b":{"z":null},"c":3}');
  });

  it('encodes a shared message once: every socket sending it gets the same bytes', () => {
    const data = { board: { version: 3, rows: ['甲', 'b'] } };
    const shared = new RawJson(data);
    const message = (id: string) => JSON.stringify({ id, type: 'next', payload: { data: shared } });
    const first = encodeMessage(message('1'));
    expect(Buffer.isBuffer(first)).toBe(true);
    expect((first as Buffer).toString('utf8')).toBe(JSON.stringify({ id: '1', type: 'next', payload: { data } }));
    expect(encodeMessage(message('1'))).toBe(first);
    // Another subscription id is another message.
    const other = encodeMessage(message('2'));
    expect(other).not.toBe(first);
    expect((other as Buffer).toString('utf8')).toBe(JSON.stringify({ id: '2', type: 'next', payload: { data } }));
    // No shared result: the string as it was.
    expect(encodeMessage('{"type":"pong"}')).toBe('{"type":"pong"}');
  });
});
