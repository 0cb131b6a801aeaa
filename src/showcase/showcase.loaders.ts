import DataLoader from 'dataloader';
import type { LoaderFactory } from '../common/loaders.js';
import { Alliance, AllianceMembership } from './alliance.entity.js';
import { childPagesLoader } from './child-pages.js';
import { EXHIBIT_VISIBLE_SQL, PUBLIC_STUDIO_SQL } from './visibility.js';

export const exhibitPages = childPagesLoader({
  from: 'exhibition_item c',
  parent: 'c.exhibition_id',
  order: 'c.added_at',
  columns: 'c.kind, c.item_id',
  visible: EXHIBIT_VISIBLE_SQL,
});

export const memberPages = childPagesLoader({
  from: 'alliance_membership c join studio s on s.id = c.studio_id',
  parent: 'c.alliance_id',
  order: 'c.joined_at',
  columns: 'c.studio_id',
  visible: PUBLIC_STUDIO_SQL('s'),
});

/** A studio's alliances (a handful each), for `Studio.alliances`, in one query per page of studios. */
export const alliancesByStudio: LoaderFactory<string, Alliance[]> = (em) =>
  new DataLoader<string, Alliance[]>(async (studioIds) => {
    const rows = await em.find(AllianceMembership, { studio: { $in: [...studioIds] } }, { populate: ['alliance'], orderBy: { joinedAt: 'asc', id: 'asc' } });
    const groups = new Map<string, Alliance[]>(studioIds.map((id) => [id, []]));
    for (const m of rows) groups.get(m.studio.id)?.push(m.alliance.getEntity());
    return studioIds.map((id) => groups.get(id) ?? []);
  });
