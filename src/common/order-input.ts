import { Field, InputType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

/**
 * The direction of every list's order. It lives here (re-exported by registry/registry.inputs.ts, where
 * it began) so that orderInput below can use it without importing a module that uses orderInput.
 */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

/** What a list's order input holds: one of its fields, and a direction. */
export interface OrderInputShape<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * The `XOrderField` enum + `XOrder` input pair every list's `orderBy` takes (issue 13: one convention
 * for every list): registers `fields` as `${name}OrderField` and returns the `${name}Order` input class.
 * Each list has its own field enum, so a client cannot ask for an order the list has no index for.
 * The enum's values are property names, as orderOf and paginate read them; give each value's zh/en
 * label in common/enum-label-catalog.ts.
 */
export function orderInput<E extends Record<string, string>>(
  name: string,
  fields: E,
  spec: {
    /** What the `${name}OrderField` enum orders, e.g. 'What to order a studio’s members by.' */
    fields: string;
    /** What each field means, by enum key. */
    values: { [K in keyof E]: string };
    /** The input type's description, e.g. 'The order of a studio’s members (Studio.members).' */
    input: string;
  },
): ClassType<OrderInputShape<E[keyof E]>> {
  const valuesConfig = Object.fromEntries(Object.entries(spec.values).map(([k, description]) => [k, { description }]));
  registerEnumType(fields, { name: `${name}OrderField`, description: spec.fields, valuesConfig: valuesConfig as never });

  @InputType(`${name}Order`, { description: spec.input })
  class Order implements OrderInputShape<E[keyof E]> {
    @Field(() => fields, { description: 'What to order by.' }) field!: E[keyof E];
    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
  }
  Object.defineProperty(Order, 'name', { value: `${name}Order` });
  return Order;
}
