import { refusalMessage, type AuthRefusal } from '../../src/auth/user-state';
import { withLocale } from '../../src/common/i18n';

const REFUSALS: AuthRefusal[] = ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'USER_DISABLED', 'ROLES_CHANGED'];

// A refusal is the GraphQL error's message and, on a WebSocket, the close reason in the socket's language.
describe('refusal messages (HTTP errors and WebSocket close reasons)', () => {
  it.each(REFUSALS)('%s reads in Chinese by default and in English on request, and fits a close frame in both', (refusal) => {
    const zh = refusalMessage(refusal);
    const en = withLocale('en', () => refusalMessage(refusal));
    expect(zh).toMatch(/^[\u4e00-\u9fff]/);
    expect(en).toMatch(/^[A-Z][a-z]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    for (const message of [zh, en]) expect(Buffer.byteLength(message, 'utf8')).toBeLessThanOrEqual(123); // RFC 6455: 125 bytes less the close code
  });
});
