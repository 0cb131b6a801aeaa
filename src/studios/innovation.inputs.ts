import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../registry/registry.inputs.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { DecimalScalar } from './decimal.js';
import { InnovationCategory } from './enums.js';
import { Innovation } from './innovation.entity.js';

@InputType({ description: 'An achievement of an ACCREDITED studio, registered by its manager; the inventors are studio members.' })
export class RegisterInnovationInput {
  @Field(() => ID) studioId!: string;
  @Field() title!: string;
  @Field(() => InnovationCategory) category!: InnovationCategory;
  @Field({ defaultValue: '' }) description!: string;
  @Field(() => [ID], { description: 'Workers who are members of the studio; at least one.' }) inventorWorkerIds!: string[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Economic benefit (经济效益) in yuan.' }) economicBenefit?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for PATENT.' }) patentNumber?: string | null;
}

@ObjectType()
export class InnovationPayload extends Payload {
  @Field(() => Innovation, { nullable: true }) innovation?: Innovation | null;
}

@InputType()
export class InnovationFilter {
  @Field(() => ID, { nullable: true }) studioId?: string | null;
  @Field(() => InnovationCategory, { nullable: true }) category?: InnovationCategory | null;
  @Field(() => Int, { nullable: true, description: 'Registered in this calendar year (China Standard Time).' }) year?: number | null;
  @Field(() => String, { nullable: true, description: 'Part of the title or description, or the patent number.' }) search?: string | null;
}

export const InnovationConnection = Connection(Innovation, 'Innovation');
export type InnovationConnection = InstanceType<typeof InnovationConnection>;

export enum InnovationOrderField {
  REGISTERED_AT = 'registeredAt',
  TITLE = 'title',
  YEAR = 'year',
}
registerEnumType(InnovationOrderField, {
  name: 'InnovationOrderField',
  description: 'What to order innovations by.',
  valuesConfig: {
    REGISTERED_AT: { description: 'When it was registered.' },
    TITLE: { description: 'By title in pinyin order (李 before 张), Chinese before Latin letters.' },
    YEAR: { description: 'The year of registration (China Standard Time); ties by id.' },
  },
});

@InputType({ description: 'The order of a list of innovations.' })
export class InnovationOrder {
  @Field(() => InnovationOrderField, { description: 'The property to order by.' }) field!: InnovationOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}
