import { UserErrorCode } from '../../src/common/errors';
import { withLocale } from '../../src/common/i18n';
import { GateVerdict as V, ProjectStage as S } from '../../src/incubation/enums';
import { twoDecimals } from '../../src/incubation/money';
import { decideGate, GATES, isFinal, nextGateNeeds, type GateFacts } from '../../src/incubation/gates';

const none: GateFacts = { partners: 0, completedMilestones: 0, fundingRecords: 0 };
const all: GateFacts = { partners: 1, completedMilestones: 1, fundingRecords: 1 };

describe('incubation stage gates (pure)', () => {
  it('PASS walks IDEA → INCUBATING → PILOT → GRADUATED when every requirement is met', () => {
    let stage: S = S.IDEA;
    const seen: S[] = [stage];
    while (!isFinal(stage)) {
      const out = decideGate(stage, V.PASS, all, null);
      if (!out.ok) throw new Error(out.message);
      stage = out.to;
      seen.push(stage);
    }
    expect(seen).toEqual([S.IDEA, S.INCUBATING, S.PILOT, S.GRADUATED]);
  });

  it.each([
    [S.IDEA, { ...all, partners: 0 }, 'partner'],
    [S.INCUBATING, { ...all, completedMilestones: 0 }, 'completed milestone'],
    [S.PILOT, { ...all, fundingRecords: 0 }, 'funding'],
  ])('PASS from %s is refused without its requirement, naming it', (stage, facts, word) => {
    const out = withLocale('en', () => decideGate(stage, V.PASS, facts, 'ok'));
    expect(out).toMatchObject({ ok: false, code: UserErrorCode.NOT_ELIGIBLE });
    expect(!out.ok && out.message).toContain(word);
  });

  it('each gate looks only at its own requirement', () => {
    expect(decideGate(S.IDEA, V.PASS, { ...none, partners: 2 }, null)).toEqual({ ok: true, to: S.INCUBATING });
    expect(decideGate(S.INCUBATING, V.PASS, { ...none, completedMilestones: 1 }, null)).toEqual({ ok: true, to: S.PILOT });
    expect(decideGate(S.PILOT, V.PASS, { ...none, fundingRecords: 1 }, null)).toEqual({ ok: true, to: S.GRADUATED });
  });

  it('HOLD keeps the stage, whatever the facts', () => {
    for (const stage of [S.IDEA, S.INCUBATING, S.PILOT]) expect(decideGate(stage, V.HOLD, none, null)).toEqual({ ok: true, to: stage });
  });

  it('KILL terminates from every open stage, only with a reason', () => {
    for (const stage of [S.IDEA, S.INCUBATING, S.PILOT]) {
      expect(decideGate(stage, V.KILL, none, '市场前景不明')).toEqual({ ok: true, to: S.TERMINATED });
      expect(decideGate(stage, V.KILL, all, null)).toMatchObject({ ok: false, code: UserErrorCode.INVALID_INPUT, field: ['input', 'gateDecision', 'comment'] });
    }
  });

  it('GRADUATED and TERMINATED are final: every verdict is refused', () => {
    for (const stage of [S.GRADUATED, S.TERMINATED]) {
      expect(isFinal(stage)).toBe(true);
      expect(nextGateNeeds(stage)).toBeNull();
      for (const v of [V.PASS, V.HOLD, V.KILL]) expect(decideGate(stage, v, all, 'reason')).toMatchObject({ ok: false, code: UserErrorCode.INVALID_STATE });
    }
  });

  it('every open stage has a gate, and gates only move forward', () => {
    const order = [S.IDEA, S.INCUBATING, S.PILOT, S.GRADUATED];
    for (const [from, gate] of Object.entries(GATES)) expect(order.indexOf(gate.next)).toBe(order.indexOf(from as S) + 1);
    expect(withLocale('en', () => nextGateNeeds(S.IDEA))).toBe('Incubating: at least one partner (addProjectPartner)');
    expect(nextGateNeeds(S.IDEA)).toBe('进入“孵化”阶段需要至少一个合作方（addProjectPartner）');
  });
});

describe('twoDecimals', () => {
  it('writes amounts as numeric(14,2) gives them back', () => {
    expect(['0.1', '0.10', '7', '007', '000.03', '12500.5', '0'].map(twoDecimals)).toEqual(['0.10', '0.10', '7.00', '7.00', '0.03', '12500.50', '0.00']);
  });
});
