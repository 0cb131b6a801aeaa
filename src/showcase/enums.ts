import { registerEnumType } from 'type-graphql';

export enum AllianceScope {
  REGIONAL = 'REGIONAL',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(AllianceScope, { name: 'AllianceScope', description: 'A regional (区域) alliance names its region; an industry (行业) alliance its industry.' });

/** What an exhibit is; internal (clients see the `Exhibit` union). */
export enum ExhibitKind {
  INNOVATION = 'INNOVATION',
  OPERATING_METHOD = 'OPERATING_METHOD',
  INCUBATION_PROJECT = 'INCUBATION_PROJECT',
}
