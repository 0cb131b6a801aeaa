import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection, nodeTypeOf, PageInfo } from '../common/relay.js';
import { Innovation } from '../studios/innovation.entity.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { IncubationProject } from '../incubation/incubation-project.entity.js';
import { Exhibition } from './exhibition.entity.js';
import { orderInput } from '../common/order-input.js';

export const Exhibit = createUnionType({
  name: 'Exhibit',
  description: 'What an exhibition shows: an innovation, a named operating method or an incubation project.',
  types: () => [Innovation, OperatingMethod, IncubationProject] as const,
  resolveType: (value) => nodeTypeOf(value),
});
export type Exhibit = Innovation | OperatingMethod | IncubationProject;

@InputType({ description: 'A new exhibition (展示交流); its creator curates its exhibits.' })
export class CreateExhibitionInput {
  @Field({ description: 'Its title, 1 to 200 characters.' }) title!: string;
  @Field({ description: 'Place, or the web address of an online exhibition.' }) venue!: string;
  @Field({ defaultValue: false, description: 'Held online (then venue is its web address).' }) online!: boolean;
  @Field(() => Date, { description: 'When it opens; from the year 2000 on.' }) startsAt!: Date;
  @Field(() => Date, { description: 'After startsAt.' }) endsAt!: Date;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateExhibitionInput {
  @Field(() => ID, { description: 'The exhibition to change.' }) exhibitionId!: string;
  @Field(() => String, { nullable: true, description: 'A new title; unchanged when omitted.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A new venue or web address; unchanged when omitted.' }) venue?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether it is held online; unchanged when omitted.' }) online?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'A new opening time; unchanged when omitted.' }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'After startsAt (the new one, or the one kept).' }) endsAt?: Date | null;
}

@InputType({ description: 'An item put on (or taken off) show in an exhibition.' })
export class ExhibitInput {
  @Field(() => ID, { description: 'The exhibition.' }) exhibitionId!: string;
  @Field(() => ID, { description: 'Global ID of an Innovation, an OperatingMethod or an IncubationProject.' }) itemId!: string;
}

@ObjectType({ description: 'The result of creating or changing an exhibition.' })
export class ExhibitionPayload extends Payload {
  @Field(() => Exhibition, { nullable: true, description: 'The exhibition as it is now; null when refused.' }) exhibition?: Exhibition | null;
}

@ObjectType({ description: 'The result of putting an item on show.' })
export class AddExhibitPayload extends Payload {
  @Field(() => Exhibition, { nullable: true, description: 'The exhibition; null when refused.' }) exhibition?: Exhibition | null;
  @Field(() => Exhibit, { nullable: true, description: 'The item now on show.' }) exhibit?: Exhibit | null;
}

@ObjectType({ description: 'The result of taking an item off show.' })
export class RemoveExhibitPayload extends Payload {
  @Field(() => Exhibition, { nullable: true, description: 'The exhibition; null when refused.' }) exhibition?: Exhibition | null;
  @Field(() => ID, { nullable: true, description: 'The global ID of the item taken off show.' }) removedItemId?: string | null;
}

@InputType({ description: 'All given conditions apply.' })
export class ExhibitionFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: not yet over (running or to come); false: over.' }) upcoming?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'Running at some time on or after this instant (ends on or after it).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Running at some time on or before this instant (starts on or before it).' }) to?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only online (true) or only on-site (false) exhibitions.' }) online?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the title or venue.' }) search?: string | null;
}

export enum ExhibitionOrderField {
  STARTS_AT = 'startsAt',
  CREATED_AT = 'createdAt',
  TITLE = 'title',
}

export const ExhibitionOrder = orderInput('Exhibition', ExhibitionOrderField, {
  fields: 'What to order exhibitions by.',
  values: { STARTS_AT: 'By when it opens.', CREATED_AT: 'By when it was recorded.', TITLE: 'By title in pinyin order (李 before 张), Chinese before Latin letters.' },
  input: 'The order of a list of exhibitions.',
});
export type ExhibitionOrder = InstanceType<typeof ExhibitionOrder>;

export const ExhibitionConnection = Connection(Exhibition, 'Exhibition');
export type ExhibitionConnection = InstanceType<typeof ExhibitionConnection>;

@ObjectType({ description: 'One exhibit of an exhibition, with when it was put on show.' })
export class ExhibitEdge {
  @Field({ description: 'Opaque: pass as `after` to page from this exhibit.' }) cursor!: string;
  @Field(() => Exhibit, { description: 'The item on show.' }) node!: Exhibit;
  @Field({ description: 'When it was put on show.' }) addedAt!: Date;
}

@ObjectType({ description: 'An exhibition’s exhibits in the order they were added; items no longer public are left out.' })
export class ExhibitConnection {
  @Field(() => [ExhibitEdge], { description: 'The exhibits of this page with their cursors.' }) edges!: ExhibitEdge[];
  @Field(() => [Exhibit], { description: 'The items of `edges`.' }) nodes!: Exhibit[];
  @Field(() => PageInfo, { description: 'Whether more exhibits follow, and the cursor to reach them.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Exhibits on public show over all pages.' }) totalCount!: number;
}

export enum ExhibitOrderField {
  ADDED_AT = 'addedAt',
}

export const ExhibitOrder = orderInput('Exhibit', ExhibitOrderField, {
  fields: 'What to order an exhibition’s exhibits by.',
  values: { ADDED_AT: 'When the exhibit was added to the exhibition.' },
  input: 'The order of an exhibition’s exhibits.',
});
export type ExhibitOrder = InstanceType<typeof ExhibitOrder>;
