import { Field, InputType, registerEnumType } from 'type-graphql';
import { Connection } from '../../common/relay.js';
import { SortDirection } from '../../registry/registry.inputs.js';
import { Award } from './award.entity.js';

export enum AwardOrderField {
  RANK = 'rank',
  TOTAL = 'total',
}
registerEnumType(AwardOrderField, {
  name: 'AwardOrderField',
  description: 'What to order a competition’s awards by.',
  valuesConfig: {
    RANK: { description: 'By final rank (名次), 1 first when ascending; tied ranks in a stable order.' },
    TOTAL: { description: 'By final total (总分), lowest first when ascending.' },
  },
});

@InputType({ description: 'The order of Competition.awards; best rank first when not given.' })
export class AwardOrder {
  @Field(() => AwardOrderField, { description: 'What to order by.' }) field!: AwardOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}

export const AwardConnection = Connection(Award, 'Award');
export type AwardConnection = InstanceType<typeof AwardConnection>;
