import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../registry/registry.inputs.js';
import { Payload } from '../common/errors.js';
import { Connection, PageInfo } from '../common/relay.js';
import { Studio } from '../studios/studio.entity.js';
import { Alliance } from './alliance.entity.js';
import { AllianceScope } from './enums.js';

@InputType()
export class CreateAllianceInput {
  @Field({ description: 'Unique.' }) name!: string;
  @Field(() => AllianceScope) scope!: AllianceScope;
  @Field(() => String, { nullable: true, description: 'Required for REGIONAL, e.g. a district (县区).' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for INDUSTRY.' }) industry?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'Only the fields given change; an empty region or industry clears it.' })
export class UpdateAllianceInput {
  @Field(() => ID) allianceId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => AllianceScope, { nullable: true }) scope?: AllianceScope | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class AllianceMembershipInput {
  @Field(() => ID) allianceId!: string;
  @Field(() => ID) studioId!: string;
}

@ObjectType()
export class AlliancePayload extends Payload {
  @Field(() => Alliance, { nullable: true }) alliance?: Alliance | null;
}

@ObjectType()
export class AllianceMembershipPayload extends Payload {
  @Field(() => Alliance, { nullable: true }) alliance?: Alliance | null;
  @Field(() => Studio, { nullable: true }) studio?: Studio | null;
}

@InputType({ description: 'All given conditions apply.' })
export class AllianceFilter {
  @Field(() => AllianceScope, { nullable: true }) scope?: AllianceScope | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => ID, { nullable: true, description: 'Alliances this studio belongs to.' }) studioId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the name.' }) search?: string | null;
}

export const AllianceConnection = Connection(Alliance, 'Alliance');
export type AllianceConnection = InstanceType<typeof AllianceConnection>;

@ObjectType()
export class AllianceMemberEdge {
  @Field() cursor!: string;
  @Field(() => Studio) node!: Studio;
  @Field() joinedAt!: Date;
}

@ObjectType({ description: 'An alliance’s member studios in the order they joined; only accredited studios are listed.' })
export class AllianceMemberConnection {
  @Field(() => [AllianceMemberEdge]) edges!: AllianceMemberEdge[];
  @Field(() => [Studio]) nodes!: Studio[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

export enum AllianceOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(AllianceOrderField, {
  name: 'AllianceOrderField',
  description: 'What to order alliances by.',
  valuesConfig: {
    NAME: { description: 'By name in pinyin order (李 before 张), Chinese before Latin letters.' },
    CREATED_AT: { description: 'When the alliance was created.' },
  },
});

@InputType({ description: 'The order of a list of alliances.' })
export class AllianceOrder {
  @Field(() => AllianceOrderField, { description: 'The property to order by.' }) field!: AllianceOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC (the default) or DESC.' }) direction!: SortDirection;
}
