import { registerEnumType } from 'type-graphql';

/** Where an appeal (申诉) stands: FILED → DISMISSED, or FILED → UPHELD → RESOLVED once every contested mark is re-marked. */
export enum AppealStatus {
  FILED = 'FILED',
  DISMISSED = 'DISMISSED',
  UPHELD = 'UPHELD',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AppealStatus, {
  name: 'AppealStatus',
  description: 'Where an appeal (申诉) stands.',
  valuesConfig: {
    FILED: { description: '已提出: waiting for the arbitrators’ ruling.' },
    DISMISSED: { description: '驳回: the arbitrators dismissed it, with a reason. Final.' },
    UPHELD: { description: '成立: upheld; the contested marks are being re-marked by the named judges.' },
    RESOLVED: { description: '已复评: upheld and every contested mark re-marked; the new marks stand. Final.' },
  },
});

/** The arbitrators' ruling. */
export enum AppealDecision {
  DISMISSED = 'DISMISSED',
  UPHELD = 'UPHELD',
}
registerEnumType(AppealDecision, {
  name: 'AppealDecision',
  description: 'The arbitrators’ ruling (仲裁结论).',
  valuesConfig: {
    DISMISSED: { description: '驳回: the marks stand.' },
    UPHELD: { description: '成立: the contested marks are re-marked by named judges.' },
  },
});

/** Statuses of an appeal still open: finalization waits for them, and one per entry and criterion (or stage). */
export const OPEN_APPEAL: readonly AppealStatus[] = [AppealStatus.FILED, AppealStatus.UPHELD];
