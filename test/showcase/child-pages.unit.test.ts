import { checkChildPage } from '../../src/common/child-pages';
import { SortDirection } from '../../src/registry/registry.inputs';

describe('checkChildPage (nested lists: exhibits, alliance members)', () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

  it('defaults to 20 from the start and reads a cursor of (time, id)', () => {
    expect(checkChildPage({})).toEqual({ limit: 20, cursor: null, forward: true, desc: false });
    const id = '0f8e2b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c';
    expect(checkChildPage({ first: 0, after: cursor(['2026-05-01T00:00:00.000Z', id]) })).toEqual({ limit: 0, cursor: ['2026-05-01T00:00:00.000Z', id], forward: true, desc: false });
    expect(checkChildPage({ last: 5, before: cursor(['2026-05-01T00:00:00.000Z', id]) }, SortDirection.DESC)).toEqual({ limit: 5, cursor: ['2026-05-01T00:00:00.000Z', id], forward: false, desc: true });
  });

  it.each([
    ['first above 100', { first: 101 }],
    ['negative first', { first: -1 }],
    ['a cursor that is not base64url', { after: 'a b' }],
    ['a cursor of another shape', { after: cursor({ id: 1 }) }],
    ['a cursor with a bad time', { after: cursor(['yesterday', '0f8e2b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c']) }],
    ['a cursor with dashes for an id', { after: cursor(['2026-05-01T00:00:00.000Z', '-'.repeat(36)]) }],
    ['a cursor with a time PostgreSQL cannot hold', { after: cursor(['-200000-01-01T00:00:00.000Z', '0f8e2b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c']) }],
    ['first with before', { first: 2, before: cursor(['2026-05-01T00:00:00.000Z', '0f8e2b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c']) }],
    ['last with after', { last: 2, after: cursor(['2026-05-01T00:00:00.000Z', '0f8e2b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c']) }],
    ['first and last', { first: 2, last: 2 }],
    ['a cursor with a bad id', { after: cursor(['2026-05-01T00:00:00.000Z', "1'; drop table x; --"]) }],
  ])('refuses %s as a client error', (_what, args) => {
    expect(() => checkChildPage(args)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
