import { Connection } from '../../common/relay.js';
import { Award } from './award.entity.js';
import { orderInput } from '../../common/order-input.js';

export enum AwardOrderField {
  RANK = 'rank',
  TOTAL = 'total',
}

export const AwardOrder = orderInput('Award', AwardOrderField, {
  fields: 'What to order a competition’s awards by.',
  values: { RANK: 'By final rank (名次), 1 first when ascending; tied ranks in a stable order.', TOTAL: 'By final total (总分), lowest first when ascending.' },
  input: 'The order of Competition.awards; best rank first when not given.',
});
export type AwardOrder = InstanceType<typeof AwardOrder>;

export const AwardConnection = Connection(Award, 'Award');
export type AwardConnection = InstanceType<typeof AwardConnection>;
