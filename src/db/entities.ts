import { authEntities } from '../auth/index.js';
import { registryEntities } from '../registry/index.js';

/** Every module's entities, for the ORM and the migrations. */
export const entities = [...authEntities, ...registryEntities];
