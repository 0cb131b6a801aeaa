import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { DecimalScalar } from './decimal.js';
import { InnovationCategory } from './enums.js';
import { Innovation } from './innovation.entity.js';
import { orderInput } from '../common/order-input.js';

@InputType({ description: 'An achievement of an ACCREDITED studio, registered by its manager; the inventors are studio members.' })
export class RegisterInnovationInput {
  @Field(() => ID, { description: 'The ACCREDITED studio the achievement is registered for.' }) studioId!: string;
  @Field({ description: 'Its title, 1 to 200 characters.' }) title!: string;
  @Field(() => InnovationCategory, { description: 'What kind of achievement it is.' }) category!: InnovationCategory;
  @Field({ defaultValue: '', description: 'What it is and achieved, at most 20,000 characters.' }) description!: string;
  @Field(() => [ID], { description: 'Workers who are members of the studio: 1 to 30.' }) inventorWorkerIds!: string[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Economic benefit (经济效益) in yuan.' }) economicBenefit?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for PATENT.' }) patentNumber?: string | null;
}

@ObjectType({ description: 'The result of registering an innovation.' })
export class InnovationPayload extends Payload {
  @Field(() => Innovation, { nullable: true, description: 'The innovation registered; null when refused.' }) innovation?: Innovation | null;
}

@InputType({ description: 'Which innovations to list; all given conditions apply.' })
export class InnovationFilter {
  @Field(() => ID, { nullable: true, description: 'Only this studio’s (a malformed ID matches nothing).' }) studioId?: string | null;
  @Field(() => InnovationCategory, { nullable: true, description: 'Only this category.' }) category?: InnovationCategory | null;
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

export const InnovationOrder = orderInput('Innovation', InnovationOrderField, {
  fields: 'What to order innovations by.',
  values: { REGISTERED_AT: 'When it was registered.', TITLE: 'By title in pinyin order (李 before 张), Chinese before Latin letters.', YEAR: 'The year of registration (China Standard Time); ties by id.' },
  input: 'The order of a list of innovations.',
});
export type InnovationOrder = InstanceType<typeof InnovationOrder>;
