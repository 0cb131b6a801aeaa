import { OverviewResolver } from './overview.resolver.js';

/** The city's figures; read-only, so no entities of its own. Listed in the schema through src/showcase/index.ts. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const statsResolvers: Function[] = [OverviewResolver];
