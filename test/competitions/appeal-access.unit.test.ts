import { AppealAccess, accessTo, partyFor, type AppealViewer } from '../../src/competitions/appeals/appeal-access';
import { appealWindowOpen } from '../../src/competitions/appeals/publication.service';
import { CompetitionStatus as S } from '../../src/competitions/enums';

const viewer = (over: Partial<AppealViewer> = {}): AppealViewer => ({
  userId: 'u', full: false, organizer: false, workerId: null, leaderOf: new Set(), finalized: false, ...over,
});
const members = [{ workerId: 'w1', enterpriseId: 'e1' }, { workerId: 'w2', enterpriseId: 'e2' }];
const appeal = (over: { filedBy?: string; remarkJudgeIds?: string[] } = {}) => ({ filedBy: { id: over.filedBy ?? 'someone' }, remarkJudgeIds: over.remarkJudgeIds ?? [] }) as never;

describe('who may appeal for an entry', () => {
  it('the organizer, a team leader of an enterprise of the entry, a user linked to one of its workers; nobody else', () => {
    expect(partyFor(viewer({ organizer: true }), members)).toBe('ORGANIZER');
    expect(partyFor(viewer({ leaderOf: new Set(['e2']) }), members)).toBe('TEAM_LEADER');
    expect(partyFor(viewer({ workerId: 'w1' }), members)).toBe('ENTRANT');
    expect(partyFor(viewer({ leaderOf: new Set(['e3']), workerId: 'w3' }), members)).toBeNull();
  });
});

describe('who reads an appeal', () => {
  it('the jury and arbitrators all; parties and the filer theirs; re-markers theirs; everyone the outcome once finalized', () => {
    expect(accessTo(viewer({ full: true }), appeal(), members)).toBe(AppealAccess.FULL);
    expect(accessTo(viewer({ workerId: 'w2' }), appeal(), members)).toBe(AppealAccess.PARTY);
    expect(accessTo(viewer(), appeal({ filedBy: 'u' }), members)).toBe(AppealAccess.PARTY);
    expect(accessTo(viewer(), appeal({ remarkJudgeIds: ['u'] }), members)).toBe(AppealAccess.REMARKER);
    expect(accessTo(viewer(), appeal(), members)).toBeNull();
    expect(accessTo(viewer({ finalized: true }), appeal(), members)).toBe(AppealAccess.OUTCOME);
    expect(accessTo(viewer({ userId: null, finalized: true }), appeal(), members)).toBe(AppealAccess.OUTCOME);
    expect(accessTo(viewer({ userId: null }), appeal(), members)).toBeNull();
  });
});

describe('the appeal window', () => {
  const now = new Date('2026-05-12T10:00:00Z');
  it('is open while published and before its closing time, closed at it and in every other state', () => {
    expect(appealWindowOpen({ status: S.RESULTS_PUBLISHED, appealWindowClosesAt: new Date('2026-05-12T10:00:01Z') }, now)).toBe(true);
    expect(appealWindowOpen({ status: S.RESULTS_PUBLISHED, appealWindowClosesAt: now }, now)).toBe(false);
    expect(appealWindowOpen({ status: S.RESULTS_PUBLISHED, appealWindowClosesAt: null }, now)).toBe(false);
    expect(appealWindowOpen({ status: S.FINALIZED, appealWindowClosesAt: new Date('2026-05-13T00:00:00Z') }, now)).toBe(false);
  });
});
