import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
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
