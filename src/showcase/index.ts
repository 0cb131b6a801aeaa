import { Alliance, AllianceMembership } from './alliance.entity.js';
import { AllianceResolver, StudioAlliancesResolver } from './alliance.resolver.js';
import { Exhibition, ExhibitionItem } from './exhibition.entity.js';
import { ExhibitionResolver } from './exhibition.resolver.js';
import { statsResolvers } from '../stats/index.js';

export const showcaseEntities = [Exhibition, ExhibitionItem, Alliance, AllianceMembership];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const showcaseResolvers: Function[] = [ExhibitionResolver, AllianceResolver, StudioAlliancesResolver, ...statsResolvers];
