import { isEnumType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { registerEnumType } from 'type-graphql';
import { ENUM_LABELS } from './enum-label-catalog.js';
import { currentLocale } from './i18n.js';

/** The languages labels come in; zh-CN is the users' language and the default. */
export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}
registerEnumType(Locale, { name: 'Locale', description: 'A language for labels: ZH_CN (简体中文, the default) or EN.' });

/** The label of one enum value, or undefined when the catalog has none. */
export function enumLabel(enumName: string, value: string, locale: Locale = Locale.ZH_CN): string | undefined {
  const pair = ENUM_LABELS[enumName]?.[value];
  return pair ? pair[locale === Locale.EN ? 1 : 0] : undefined;
}

/** An enum value's label in the current request's language (for messages that name a status): the value itself when unlabelled. */
export function labelOf(enumName: string, value: string): string {
  return enumLabel(enumName, value, currentLocale() === 'en' ? Locale.EN : Locale.ZH_CN) ?? value;
}

/** Our enums in a schema: the introspection ones (`__TypeKind` …) belong to graphql-js. */
export function publicEnums(schema: GraphQLSchema): GraphQLEnumType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => isEnumType(t) && !t.name.startsWith('__'));
}

/**
 * Writes each value's Chinese label into its description, so GraphiQL and IDEs show it: the label alone
 * where there was no description, put in front where the description does not already say it.
 */
export function applyEnumLabels(schema: GraphQLSchema): void {
  for (const type of publicEnums(schema)) {
    for (const value of type.getValues()) {
      const zh = enumLabel(type.name, value.name);
      if (!zh) continue;
      if (!value.description) value.description = zh;
      else if (!value.description.startsWith(zh)) value.description = `${zh}: ${value.description}`;
    }
  }
}
