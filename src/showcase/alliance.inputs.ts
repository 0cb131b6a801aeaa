import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { orderInput } from '../common/order-input.js';
import { Connection, PageInfo } from '../common/relay.js';
import { Studio } from '../studios/studio.entity.js';
import { Alliance } from './alliance.entity.js';
import { AllianceScope } from './enums.js';

@InputType({ description: 'A new innovation alliance (职工技术创新联盟); its creator organizes it.' })
export class CreateAllianceInput {
  @Field({ description: 'Its name, 1 to 200 characters; unique.' }) name!: string;
  @Field(() => AllianceScope, { description: 'Regional or industry.' }) scope!: AllianceScope;
  @Field(() => String, { nullable: true, description: 'Required for REGIONAL, e.g. a district (县区).' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for INDUSTRY.' }) industry?: string | null;
  @Field(() => String, { nullable: true, description: 'What it is for, at most 10,000 characters.' }) description?: string | null;
}

@InputType({ description: 'Only the fields given change; an empty region or industry clears it.' })
export class UpdateAllianceInput {
  @Field(() => ID, { description: 'The alliance to change.' }) allianceId!: string;
  @Field(() => String, { nullable: true, description: 'A new name (unique); unchanged when omitted.' }) name?: string | null;
  @Field(() => AllianceScope, { nullable: true, description: 'A new scope; the region or industry it needs must then be set.' }) scope?: AllianceScope | null;
  @Field(() => String, { nullable: true, description: 'A new region; empty clears it.' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'A new industry; empty clears it.' }) industry?: string | null;
  @Field(() => String, { nullable: true, description: 'A new description; unchanged when omitted.' }) description?: string | null;
}

@InputType({ description: 'A studio joining or leaving an alliance.' })
export class AllianceMembershipInput {
  @Field(() => ID, { description: 'The alliance.' }) allianceId!: string;
  @Field(() => ID, { description: 'The studio (you manage it, or you are an admin).' }) studioId!: string;
}

@ObjectType({ description: 'The result of creating or changing an alliance.' })
export class AlliancePayload extends Payload {
  @Field(() => Alliance, { nullable: true, description: 'The alliance as it is now; null when refused.' }) alliance?: Alliance | null;
}

@ObjectType({ description: 'The result of joining or leaving an alliance.' })
export class AllianceMembershipPayload extends Payload {
  @Field(() => Alliance, { nullable: true, description: 'The alliance; null when refused.' }) alliance?: Alliance | null;
  @Field(() => Studio, { nullable: true, description: 'The studio, its `alliances` updated; null when refused.' }) studio?: Studio | null;
}

@InputType({ description: 'All given conditions apply.' })
export class AllianceFilter {
  @Field(() => AllianceScope, { nullable: true, description: 'Only this scope.' }) scope?: AllianceScope | null;
  @Field(() => String, { nullable: true, description: 'Only this region (exact).' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this industry (exact).' }) industry?: string | null;
  @Field(() => ID, { nullable: true, description: 'Alliances this studio belongs to.' }) studioId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the name.' }) search?: string | null;
}

export const AllianceConnection = Connection(Alliance, 'Alliance');
export type AllianceConnection = InstanceType<typeof AllianceConnection>;

@ObjectType({ description: 'One member studio of an alliance, with when it joined.' })
export class AllianceMemberEdge {
  @Field({ description: 'Opaque: pass as `after` to page from this member.' }) cursor!: string;
  @Field(() => Studio, { description: 'The member studio.' }) node!: Studio;
  @Field({ description: 'When it joined the alliance.' }) joinedAt!: Date;
}

@ObjectType({ description: 'An alliance’s member studios in the order they joined; only accredited studios are listed.' })
export class AllianceMemberConnection {
  @Field(() => [AllianceMemberEdge], { description: 'The members of this page with their cursors.' }) edges!: AllianceMemberEdge[];
  @Field(() => [Studio], { description: 'The studios of `edges`.' }) nodes!: Studio[];
  @Field(() => PageInfo, { description: 'Whether more members follow, and the cursor to reach them.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Listed (accredited) member studios over all pages.' }) totalCount!: number;
}

export enum AllianceOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}

export const AllianceOrder = orderInput('Alliance', AllianceOrderField, {
  fields: 'What to order alliances by.',
  values: { NAME: 'By name in pinyin order (李 before 张), Chinese before Latin letters.', CREATED_AT: 'When the alliance was created.' },
  input: 'The order of a list of alliances.',
});
export type AllianceOrder = InstanceType<typeof AllianceOrder>;

export enum AllianceMemberOrderField {
  JOINED_AT = 'joinedAt',
}

export const AllianceMemberOrder = orderInput('AllianceMember', AllianceMemberOrderField, {
  fields: 'What to order an alliance’s member studios by.',
  values: { JOINED_AT: 'When the studio joined the alliance.' },
  input: 'The order of an alliance’s member studios.',
});
export type AllianceMemberOrder = InstanceType<typeof AllianceMemberOrder>;

export enum StudioAllianceOrderField {
  JOINED_AT = 'joinedAt',
}
export const StudioAllianceOrder = orderInput('StudioAlliance', StudioAllianceOrderField, {
  fields: 'What to order a studio’s alliances (Studio.alliances) by.',
  values: { JOINED_AT: 'When the studio joined the alliance.' },
  input: 'The order of a studio’s alliances (Studio.alliances).',
});
export type StudioAllianceOrder = InstanceType<typeof StudioAllianceOrder>;
