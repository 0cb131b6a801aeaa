import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { buildSchema } from '../../src/schema';

/**
 * Every public type, field, input field and argument is described (issue 13): what it means, its
 * units, who sees it, when it is null. A mutation's single `input` argument is described by
 * src/schema.ts (its input type describes each field).
 */

function undescribed(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  const blank = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) out.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) out.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) out.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) out.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      // Values carry labels (enumLabels); a description is there for the less obvious ones.
    }
  }
  return out.sort();
}

it('every public type, field and argument has a description', async () => {
  expect(undescribed(await buildSchema())).toEqual([]);
});
