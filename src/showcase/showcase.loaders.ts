import { byIdLoader } from '../common/loaders.js';
import { Alliance } from './alliance.entity.js';
import { childPagesLoader } from '../common/child-pages.js';
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

/** A studio's alliances, for `Studio.alliances`: alliances are public, so every membership is listed. */
export const studioAlliancePages = childPagesLoader({
  from: 'alliance_membership c',
  parent: 'c.studio_id',
  order: 'c.joined_at',
  columns: 'c.alliance_id',
  visible: 'true',
});

export const allianceById = byIdLoader(Alliance);
