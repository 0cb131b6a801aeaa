import { CompetitionStatus as S } from '../../src/competitions/enums';
import { enumLabel } from '../../src/common/enum-labels';
import { LIFECYCLE, nextStatus, SCHEME_EDITABLE, SCORING_OPEN, type LifecycleAction } from '../../src/competitions/setup/lifecycle';

const ACTIONS = Object.keys(LIFECYCLE) as LifecycleAction[];
const ALL = Object.values(S);

describe('the competition lifecycle table', () => {
  it('walks the main path DRAFT → FINALIZED', () => {
    const path: [LifecycleAction, S][] = [
      ['openRegistration', S.REGISTRATION_OPEN],
      ['closeRegistration', S.REGISTRATION_CLOSED],
      ['startCompetition', S.IN_PROGRESS],
      ['closeScoring', S.SCORING_CLOSED],
      ['reopenScoring', S.IN_PROGRESS],
      ['closeScoring', S.SCORING_CLOSED],
      ['publishResults', S.RESULTS_PUBLISHED],
      ['finalizeCompetition', S.FINALIZED],
    ];
    let status = S.DRAFT;
    for (const [action, to] of path) {
      const move = nextStatus(status, action);
      expect(move).toEqual({ ok: true, to });
      status = to;
    }
  });

  it('allows exactly the listed moves and explains every other one, naming the current state', () => {
    const legal: string[] = [];
    for (const status of ALL) {
      for (const action of ACTIONS) {
        const move = nextStatus(status, action);
        if (move.ok) legal.push(`${status} ${action} ${move.to}`);
        else expect(move.message).toContain(`竞赛当前为“${enumLabel('CompetitionStatus', status)}”`);
      }
    }
    expect(legal.sort()).toEqual([
      'DRAFT cancelCompetition CANCELLED',
      'DRAFT openRegistration REGISTRATION_OPEN',
      'IN_PROGRESS cancelCompetition CANCELLED',
      'IN_PROGRESS closeScoring SCORING_CLOSED',
      'REGISTRATION_CLOSED cancelCompetition CANCELLED',
      'REGISTRATION_CLOSED startCompetition IN_PROGRESS',
      'REGISTRATION_OPEN cancelCompetition CANCELLED',
      'REGISTRATION_OPEN closeRegistration REGISTRATION_CLOSED',
      'RESULTS_PUBLISHED cancelCompetition CANCELLED',
      'RESULTS_PUBLISHED finalizeCompetition FINALIZED',
      'SCORING_CLOSED cancelCompetition CANCELLED',
      'SCORING_CLOSED publishResults RESULTS_PUBLISHED',
      'SCORING_CLOSED reopenScoring IN_PROGRESS',
    ].sort());
  });

  it('has terminal states FINALIZED and CANCELLED', () => {
    for (const status of [S.FINALIZED, S.CANCELLED]) {
      for (const action of ACTIONS) expect(nextStatus(status, action).ok).toBe(false);
    }
  });

  it('needs a reason exactly for reopening scoring and cancelling', () => {
    expect(ACTIONS.filter((a) => LIFECYCLE[a].needsReason).sort()).toEqual(['cancelCompetition', 'reopenScoring']);
  });

  it('keeps the scheme editable only in DRAFT and marks open only IN_PROGRESS', () => {
    expect(SCHEME_EDITABLE).toEqual([S.DRAFT]);
    expect(SCORING_OPEN).toEqual([S.IN_PROGRESS]);
  });

  it('reaches every state from DRAFT', () => {
    const seen = new Set<S>([S.DRAFT]);
    let frontier = [S.DRAFT];
    while (frontier.length) {
      const next: S[] = [];
      for (const s of frontier) for (const a of ACTIONS) {
        const m = nextStatus(s, a);
        if (m.ok && !seen.has(m.to)) { seen.add(m.to); next.push(m.to); }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...ALL].sort());
  });
});
