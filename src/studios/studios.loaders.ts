import { byIdLoader } from '../common/loaders.js';
import { Innovation } from './innovation.entity.js';
import { Studio } from './studio.entity.js';

export const studioById = byIdLoader(Studio);
export const innovationById = byIdLoader(Innovation);
