import { ACCREDITATION, ACTIVE, EDITABLE, nextStudioStatus, PUBLIC_STATUSES, REVIEW_DUE, reviewDueFrom, type StudioMove } from '../../src/studios/accreditation';
import { StudioAction as A, StudioStatus as S } from '../../src/studios/enums';
import { labelOf } from '../../src/common/enum-labels';

const ALL_STATES = Object.values(S);
const MOVES = Object.keys(ACCREDITATION) as StudioMove[];

describe('accreditation state machine', () => {
  it.each([
    [S.APPLIED, A.ACCREDIT, S.ACCREDITED],
    [S.APPLIED, A.REJECT, S.REJECTED],
    [S.APPLIED, A.REQUEST_CHANGES, S.CHANGES_REQUESTED],
    [S.CHANGES_REQUESTED, A.RESUBMIT, S.APPLIED],
    [S.ACCREDITED, A.RENEW, S.ACCREDITED],
    [S.ACCREDITED, A.SUSPEND, S.SUSPENDED],
    [S.ACCREDITED, A.REVOKE, S.REVOKED],
    [S.SUSPENDED, A.RENEW, S.ACCREDITED],
    [S.SUSPENDED, A.REVOKE, S.REVOKED],
  ])('%s --%s--> %s', (from, move, to) => {
    expect(nextStudioStatus(from, move as StudioMove)).toEqual({ ok: true, to });
  });

  it('allows exactly the nine moves above; every other pair is refused with a sentence naming the legal states', () => {
    let legal = 0;
    for (const from of ALL_STATES) {
      for (const move of MOVES) {
        const r = nextStudioStatus(from, move);
        if (r.ok) legal++;
        else expect(r.message).toBe(`工作室当前为“${labelOf('StudioStatus', from)}”，不能${labelOf('StudioAction', move)}（仅限“${ACCREDITATION[move].from.map((s) => labelOf('StudioStatus', s)).join('”或“')}”状态）`);
      }
    }
    expect(legal).toBe(9);
  });

  it('REJECTED and REVOKED are final: no move leaves them', () => {
    for (const final of [S.REJECTED, S.REVOKED]) for (const move of MOVES) expect(nextStudioStatus(final, move).ok).toBe(false);
  });

  it('an application cannot be decided twice, and an accredited studio cannot be reviewed as an application', () => {
    expect(nextStudioStatus(S.ACCREDITED, A.ACCREDIT).ok).toBe(false);
    expect(nextStudioStatus(S.CHANGES_REQUESTED, A.ACCREDIT).ok).toBe(false);
    expect(nextStudioStatus(S.SUSPENDED, A.SUSPEND).ok).toBe(false);
    expect(nextStudioStatus(S.APPLIED, A.RENEW).ok).toBe(false);
  });

  it('needs a comment to refuse, to ask for changes, to suspend and to revoke', () => {
    expect(MOVES.filter((m) => ACCREDITATION[m].needsComment).sort()).toEqual([A.REJECT, A.REQUEST_CHANGES, A.REVOKE, A.SUSPEND].sort());
  });

  it('sets the re-evaluation three calendar years on, leap days included', () => {
    expect(reviewDueFrom(new Date('2026-03-10T04:00:00.000Z')).toISOString()).toBe('2029-03-10T04:00:00.000Z');
    expect(reviewDueFrom(new Date('2024-02-29T00:00:00.000Z')).toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('edits only open applications, works in every non-final state, and shows only accredited studios publicly', () => {
    expect([...EDITABLE].sort()).toEqual([S.APPLIED, S.CHANGES_REQUESTED].sort());
    expect(ACTIVE).not.toContain(S.REJECTED);
    expect(ACTIVE).not.toContain(S.REVOKED);
    expect(PUBLIC_STATUSES).toEqual([S.ACCREDITED]);
  });

  it('has a re-evaluation due exactly in the states a re-evaluation (RENEW, REVOKE) starts from', () => {
    expect([...REVIEW_DUE].sort()).toEqual([...ACCREDITATION[A.RENEW].from].sort());
    expect([...REVIEW_DUE].sort()).toEqual([...ACCREDITATION[A.REVOKE].from].sort());
    expect(REVIEW_DUE).not.toContain(S.REVOKED);
  });
});
