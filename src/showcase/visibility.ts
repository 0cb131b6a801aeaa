import { ExhibitKind } from './enums.js';
import { StudioStatus } from '../studios/enums.js';
import { PUBLIC_STATUSES } from '../studios/accreditation.js';
import { MethodStatus } from '../methods/enums.js';
import { ProjectStage } from '../incubation/enums.js';
import type { Studio } from '../studios/studio.entity.js';
import type { OperatingMethod } from '../methods/operating-method.entity.js';
import type { IncubationProject } from '../incubation/incubation-project.entity.js';

/*
 * What may go on public show, in one place for the write (addExhibit refuses the rest) and the read
 * (an exhibit whose item stopped being public, e.g. its studio was suspended, drops out of the list):
 * - an innovation of an ACCREDITED studio;
 * - a NAMED operating method (unnamed ones are not the city's to show yet);
 * - an incubation project that was not terminated.
 * A studio is shown as an alliance member while it is ACCREDITED.
 */

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const PUBLIC_STUDIO_SQL = (studioAlias: string) => `${studioAlias}.status in (${list(PUBLIC_STATUSES)})`;

/** SQL over an exhibition_item aliased `c`: is its item on public show? */
export const EXHIBIT_VISIBLE_SQL = `
  (c.kind = '${ExhibitKind.INNOVATION}' and exists (
     select 1 from innovation i join studio s on s.id = i.studio_id where i.id = c.item_id and ${PUBLIC_STUDIO_SQL('s')}))
  or (c.kind = '${ExhibitKind.OPERATING_METHOD}' and exists (
     select 1 from operating_method m where m.id = c.item_id and m.status = '${MethodStatus.NAMED}'))
  or (c.kind = '${ExhibitKind.INCUBATION_PROJECT}' and exists (
     select 1 from incubation_project p where p.id = c.item_id and p.stage <> '${ProjectStage.TERMINATED}'))`;

export function isPublicStudio(studio: Pick<Studio, 'status'>): boolean {
  return PUBLIC_STATUSES.includes(studio.status as StudioStatus);
}

export function isPublicMethod(method: Pick<OperatingMethod, 'status'>): boolean {
  return method.status === MethodStatus.NAMED;
}

export function isPublicProject(project: Pick<IncubationProject, 'stage'>): boolean {
  return project.stage !== ProjectStage.TERMINATED;
}
