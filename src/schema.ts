import { buildSchema as buildTypeGraphQLSchema, type NonEmptyArray } from 'type-graphql';
import { getNamedType, isEnumType, lexicographicSortSchema, printSchema, printType, type GraphQLSchema } from 'graphql';
import { applyEnumLabels } from './common/enum-labels.js';
import { authChecker } from './auth/auth-checker.js';
import { authResolvers } from './auth/index.js';
import { NodeResolver } from './common/node.resolver.js';
import { EnumLabelsResolver } from './common/enum-labels.resolver.js';
import { registryResolvers } from './registry/index.js';
import { competitionResolvers } from './competitions/index.js';
import { studioResolvers } from './studios/index.js';
import { methodResolvers } from './methods/index.js';
import { incubationResolvers } from './incubation/index.js';
import { showcaseResolvers } from './showcase/index.js';
import { honorResolvers } from './honors/index.js';
import { talentResolvers } from './talent/index.js';
import { appraisalResolvers } from './appraisal/index.js';
import { drillResolvers } from './drills/index.js';
import { takingResolvers } from './drills/taking/index.js';
import { schemaPubSub } from './live/pubsub.js';
// Every entity module, so every Node type is registered however the schema is reached (server, emit, tests).
import './db/entities.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
// One list per module: a module adds its resolvers in its own index.ts, never here.
const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  EnumLabelsResolver,
  ...authResolvers,
  ...registryResolvers,
  ...competitionResolvers,
  ...studioResolvers,
  ...methodResolvers,
  ...incubationResolvers,
  ...showcaseResolvers,
  ...honorResolvers,
  ...talentResolvers,
  ...appraisalResolvers,
  ...drillResolvers,
  ...takingResolvers,
];


export async function buildSchema(): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphQLSchema({
    resolvers,
    authChecker,
    pubSub: schemaPubSub,
    // Inputs are checked in services (typed userErrors), not by class-validator here.
    validate: false,
  });
  // The Chinese label goes into each enum value's description too, so GraphiQL and IDEs show it.
  applyEnumLabels(schema);
  describeRootTypes(schema);
  describeInputArguments(schema);
  return schema;
}

/** The three root types, described for the IDE's documentation pane and for generated clients. */
function describeRootTypes(schema: GraphQLSchema): void {
  const set = (type: { description?: string | null } | null | undefined, text: string) => {
    if (type && !type.description) type.description = text;
  };
  set(schema.getQueryType(), 'Everything that can be read. Public fields say so; others name who may see them. Lists are connections (first/after/last/before, orderBy).');
  set(schema.getMutationType(), 'Everything that changes data: one input, one payload whose `userErrors` say why nothing was changed. Every mutation checks who may do it.');
  set(schema.getSubscriptionType(), 'Live events over WebSocket (graphql-ws, same URL as HTTP): boards, scores and status changes, each with a version to notice a missed one.');
}

/**
 * A mutation's one `input` argument means exactly its input type, which is described field by field;
 * saying so here, once, beats ninety copies of the same sentence in the resolvers.
 */
function describeInputArguments(schema: GraphQLSchema): void {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        if (arg.name !== 'input' || arg.description) continue;
        const type = getNamedType(arg.type);
        (arg as { description?: string | null }).description = `What to do: each field is described on \`${type.name}\`.`;
      }
    }
  }
}

/**
 * The SDL committed as schema.graphql: types and fields sorted so diffs stay readable, but enum values
 * in declaration order (lowest skill level first, the lifecycle in its order), as introspection gives them.
 */
export function printSortedSchema(schema: GraphQLSchema): string {
  const sorted = lexicographicSortSchema(schema);
  let sdl = printSchema(sorted);
  for (const type of Object.values(sorted.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    const declared = schema.getType(type.name);
    if (declared) sdl = sdl.replace(printType(type), printType(declared));
  }
  return sdl + '\n';
}
