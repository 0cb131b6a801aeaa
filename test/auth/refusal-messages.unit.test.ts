import { REFUSAL_MESSAGES } from '../../src/auth/user-state';

describe('REFUSAL_MESSAGES (HTTP errors and WebSocket close reasons)', () => {
  it.each(Object.entries(REFUSAL_MESSAGES))('%s reads in Chinese, then English, and fits a close frame', (_refusal, message) => {
    expect(message).toMatch(/^[\u4e00-\u9fff]/);
    expect(message).toMatch(/ \/ [A-Z][a-z]/);
    expect(Buffer.byteLength(message, 'utf8')).toBeLessThanOrEqual(123); // RFC 6455: 125 bytes less the close code
  });
});
