import { registerEnumType } from 'type-graphql';

export enum CampaignStatus {
  NOMINATING = 'NOMINATING',
  REVIEWING = 'REVIEWING',
  IN_NOTICE = 'IN_NOTICE',
  CONFERRED = 'CONFERRED',
  RECOMMENDED = 'RECOMMENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where an honor selection campaign (评选表彰) stands; CONFERRED, RECOMMENDED and CANCELLED are final.',
  valuesConfig: {
    NOMINATING: { description: 'Open for nominations (推荐) within the nomination window.' },
    REVIEWING: { description: 'Nominations closed; the review panel scores them (评审) and the vetting departments record clearances.' },
    IN_NOTICE: { description: 'The shortlist is published (公示); objections may be lodged.' },
    CONFERRED: { description: 'The honors were conferred (表彰) and written into the registry.' },
    RECOMMENDED: { description: 'A provincial or national honor: the city’s recommendation list (推荐名单) was sent on; the higher body confers.' },
    CANCELLED: { description: 'Called off.' },
  },
});

export enum NominationStatus {
  NOMINATED = 'NOMINATED',
  SHORTLISTED = 'SHORTLISTED',
  REMOVED = 'REMOVED',
  NOT_SELECTED = 'NOT_SELECTED',
  CONFERRED = 'CONFERRED',
  RECOMMENDED = 'RECOMMENDED',
}
registerEnumType(NominationStatus, {
  name: 'NominationStatus',
  description: 'Where a nomination (推荐) stands in its campaign.',
  valuesConfig: {
    NOMINATED: { description: 'Nominated; being reviewed, or ranked below the places while the notice runs.' },
    SHORTLISTED: { description: 'On the published shortlist (公示名单); see its notice dates.' },
    REMOVED: { description: 'Taken off the shortlist because an objection was upheld.' },
    NOT_SELECTED: { description: 'The campaign ended without selecting it.' },
    CONFERRED: { description: 'The honor was conferred.' },
    RECOMMENDED: { description: 'On the city’s recommendation list for a provincial or national honor.' },
  },
});

export enum ObjectionStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ObjectionStatus, {
  name: 'ObjectionStatus',
  description: 'Where an objection (异议) to a shortlisted nominee stands.',
  valuesConfig: {
    OPEN: { description: 'Lodged, not yet resolved; conferral waits for it.' },
    UPHELD: { description: 'Upheld: the nominee was removed and the next one moved up.' },
    DISMISSED: { description: 'Dismissed, with a reason.' },
  },
});

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'An exception to the Monday–Friday working week on the working-day calendar.',
  valuesConfig: {
    HOLIDAY: { description: 'A public holiday (法定节假日 or 调休放假): not a working day.' },
    WORKDAY: { description: 'A weekend day worked instead (调休上班): a working day.' },
  },
});

/** The vetting departments (联审部门) a new campaign asks unless its opener lists others. */
export const DEFAULT_VETTING_DEPARTMENTS: readonly string[] = ['纪检监察', '安全生产', '税务', '信访'];
/** The default notice period (公示期), in working days. */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;
