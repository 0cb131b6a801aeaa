import { isDatabaseUnavailable } from '../../src/observability';

/** Which errors a client is told to retry (SERVICE_UNAVAILABLE) and which stay masked internal errors. */
describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['wrapped by the ORM', Object.assign(new Error('driver failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
    ['wrapped as previous', Object.assign(new Error('driver failed'), { previous: Object.assign(new Error('x'), { code: '08006' }) })],
    ['a connect that tried ::1 and 127.0.0.1', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], '')],
    ['protocol violation (class 08)', Object.assign(new Error('unexpected message'), { code: '08P01' })],
    ['crash shutdown', Object.assign(new Error('terminating connection because of crash of another server process'), { code: '57P02' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['pool ended', new Error('Cannot use a pool after calling end on the pool')],
    ['waiting for a connection when the pool was destroyed (tarn, at shutdown)', new Error('aborted')],
    ['client closed', new Error('Client was closed and is not queryable')],
    ['host unreachable', Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })],
  ])('%s: unavailable', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error at or near'), { code: '42601' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a statement timeout (the query, not the database)', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['a serialization failure', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['an error that is its own cause', (() => { const e = new Error('loop') as Error & { cause?: unknown }; e.cause = e; return e; })()],
    ['a message that merely mentions it', new Error('upload aborted by the client')],
    ['nothing', undefined],
  ])('%s: not', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
