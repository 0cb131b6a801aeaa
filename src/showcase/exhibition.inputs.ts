import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection, nodeTypeOf, PageInfo } from '../common/relay.js';
import { SortDirection } from '../registry/registry.inputs.js';
import { Innovation } from '../studios/innovation.entity.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { IncubationProject } from '../incubation/incubation-project.entity.js';
import { Exhibition } from './exhibition.entity.js';

export const Exhibit = createUnionType({
  name: 'Exhibit',
  description: 'What an exhibition shows: an innovation, a named operating method or an incubation project.',
  types: () => [Innovation, OperatingMethod, IncubationProject] as const,
  resolveType: (value) => nodeTypeOf(value),
});
export type Exhibit = Innovation | OperatingMethod | IncubationProject;

@InputType()
export class CreateExhibitionInput {
  @Field() title!: string;
  @Field({ description: 'Place, or the web address of an online exhibition.' }) venue!: string;
  @Field({ defaultValue: false }) online!: boolean;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date, { description: 'After startsAt.' }) endsAt!: Date;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateExhibitionInput {
  @Field(() => ID) exhibitionId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => Boolean, { nullable: true }) online?: boolean | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'After startsAt (the new one, or the one kept).' }) endsAt?: Date | null;
}

@InputType()
export class ExhibitInput {
  @Field(() => ID) exhibitionId!: string;
  @Field(() => ID, { description: 'Global ID of an Innovation, an OperatingMethod or an IncubationProject.' }) itemId!: string;
}

@ObjectType()
export class ExhibitionPayload extends Payload {
  @Field(() => Exhibition, { nullable: true }) exhibition?: Exhibition | null;
}

@ObjectType()
export class AddExhibitPayload extends Payload {
  @Field(() => Exhibition, { nullable: true }) exhibition?: Exhibition | null;
  @Field(() => Exhibit, { nullable: true, description: 'The item now on show.' }) exhibit?: Exhibit | null;
}

@ObjectType()
export class RemoveExhibitPayload extends Payload {
  @Field(() => Exhibition, { nullable: true }) exhibition?: Exhibition | null;
  @Field(() => ID, { nullable: true, description: 'The global ID of the item taken off show.' }) removedItemId?: string | null;
}

@InputType({ description: 'All given conditions apply.' })
export class ExhibitionFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: not yet over (running or to come); false: over.' }) upcoming?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'Running at some time on or after this instant (ends on or after it).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Running at some time on or before this instant (starts on or before it).' }) to?: Date | null;
  @Field(() => Boolean, { nullable: true }) online?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the title or venue.' }) search?: string | null;
}

export enum ExhibitionOrderField {
  STARTS_AT = 'startsAt',
  CREATED_AT = 'createdAt',
  TITLE = 'title',
}
registerEnumType(ExhibitionOrderField, {
  name: 'ExhibitionOrderField',
  description: 'What to order exhibitions by.',
  valuesConfig: { TITLE: { description: 'By title in pinyin order (李 before 张), Chinese before Latin letters.' } },
});

@InputType()
export class ExhibitionOrder {
  @Field(() => ExhibitionOrderField) field!: ExhibitionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const ExhibitionConnection = Connection(Exhibition, 'Exhibition');
export type ExhibitionConnection = InstanceType<typeof ExhibitionConnection>;

@ObjectType()
export class ExhibitEdge {
  @Field() cursor!: string;
  @Field(() => Exhibit) node!: Exhibit;
  @Field({ description: 'When it was put on show.' }) addedAt!: Date;
}

@ObjectType({ description: 'An exhibition’s exhibits in the order they were added; items no longer public are left out.' })
export class ExhibitConnection {
  @Field(() => [ExhibitEdge]) edges!: ExhibitEdge[];
  @Field(() => [Exhibit]) nodes!: Exhibit[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
