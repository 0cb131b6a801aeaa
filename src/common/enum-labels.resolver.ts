import { Arg, Field, Info, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { enumLabel, Locale, publicEnums } from './enum-labels.js';

@ObjectType({ description: 'What a UI shows for one enum value.' })
export class EnumValueLabel {
  @Field({ description: 'The enum value as the API takes and returns it, e.g. `REGISTRATION_OPEN`.' })
  value!: string;

  @Field({ description: 'What to show for it in the asked language, e.g. 报名中 / Registration open.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The schema’s longer explanation of the value (mostly English with the Chinese terms); null when the label says it all.' })
  description!: string | null;
}

@ObjectType({ description: 'The labels of one enum’s values, in the schema’s declaration order (the order a UI should list them in).' })
export class EnumLabels {
  @Field({ description: 'The GraphQL name of the enum, e.g. `CompetitionStatus`.' })
  enum!: string;

  @Field(() => String, { nullable: true, description: 'What the enum means, from the schema.' })
  description!: string | null;

  @Field(() => [EnumValueLabel], { description: 'Every value of the enum, in declaration order; bounded by the enum.' })
  values!: EnumValueLabel[];
}

@Resolver()
export class EnumLabelsResolver {
  @Query(() => [EnumLabels], {
    description:
      'Public. Labels for enum values, for UIs: every public enum (sorted by name) or the ones named in `enums` (in that order; unknown names are left out). The same for every viewer and changes only with a deploy, so clients may cache it for the session.',
  })
  enumLabels(
    @Info() info: GraphQLResolveInfo,
    @Arg('locale', () => Locale, { defaultValue: Locale.ZH_CN, description: 'The language of the labels; ZH_CN unless asked.' }) locale: Locale,
    @Arg('enums', () => [String], { nullable: true, description: 'GraphQL enum names, e.g. ["CompetitionStatus", "SkillLevel"]; all enums when omitted.' })
    enums?: string[] | null,
  ): EnumLabels[] {
    const all = new Map(publicEnums(info.schema).map((t) => [t.name, t]));
    const names = enums ?? [...all.keys()].sort();
    return names.flatMap((name) => {
      const type = all.get(name);
      if (!type) return [];
      return [{
        enum: name,
        description: type.description ?? null,
        values: type.getValues().map((v) => {
          const zh = enumLabel(name, v.name) ?? v.name;
          return { value: v.name, label: enumLabel(name, v.name, locale) ?? v.name, description: explanation(v.description, zh) };
        }),
      }];
    });
  }
}

/** The description without the Chinese label that applyEnumLabels put in front of it. */
function explanation(description: string | null | undefined, zh: string): string | null {
  if (!description || description === zh) return null;
  return description.startsWith(`${zh}: `) ? description.slice(zh.length + 2) : description;
}
