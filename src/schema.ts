import { buildSchema as buildTypeGraphQLSchema, type NonEmptyArray } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { authChecker } from './auth/auth-checker.js';
import { authResolvers } from './auth/index.js';
import { NodeResolver } from './common/node.resolver.js';
import { registryResolvers } from './registry/index.js';
import { competitionResolvers } from './competitions/index.js';
import { studioResolvers } from './studios/index.js';
import { methodResolvers } from './methods/index.js';
import { incubationResolvers } from './incubation/index.js';
import { showcaseResolvers } from './showcase/index.js';
import { schemaPubSub } from './live/pubsub.js';
// Every entity module, so every Node type is registered however the schema is reached (server, emit, tests).
import './db/entities.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
// One list per module: a module adds its resolvers in its own index.ts, never here.
const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ...authResolvers,
  ...registryResolvers,
  ...competitionResolvers,
  ...studioResolvers,
  ...methodResolvers,
  ...incubationResolvers,
  ...showcaseResolvers,
];


export async function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers,
    authChecker,
    pubSub: schemaPubSub,
    // Inputs are checked in services (typed userErrors), not by class-validator here.
    validate: false,
  });
}

/** The SDL committed as schema.graphql, sorted so diffs stay readable. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
