import { Alliance, AllianceMembership } from './alliance.entity.js';
import { Exhibition, ExhibitionItem } from './exhibition.entity.js';

export const showcaseEntities = [Exhibition, ExhibitionItem, Alliance, AllianceMembership];
export const showcaseResolvers: Function[] = [];
