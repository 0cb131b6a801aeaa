import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as parseSdl, isEnumType, type GraphQLSchema } from 'graphql';
import { buildSchema } from '../../src/schema';
import { projectRoot } from '../../src/db/paths';
import { ENUM_LABELS } from '../../src/common/enum-label-catalog';
import { publicEnums } from '../../src/common/enum-labels';
import { startTestServer, type TestServer } from '../helpers/server';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema();
});

describe('enum labels: the catalog and the schema agree', () => {
  it('every value of every public enum has a Chinese and an English label', () => {
    const missing: string[] = [];
    for (const type of publicEnums(schema)) {
      for (const v of type.getValues()) {
        const [zh, en] = ENUM_LABELS[type.name]?.[v.name] ?? ['', ''];
        if (!zh.trim()) missing.push(`${type.name}.${v.name} (zh)`);
        if (!en.trim()) missing.push(`${type.name}.${v.name} (en)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no label outlives its value (every catalog entry names a value in the schema)', () => {
    const stale: string[] = [];
    for (const [enumName, values] of Object.entries(ENUM_LABELS)) {
      const type = schema.getType(enumName);
      if (!isEnumType(type)) {
        stale.push(enumName);
        continue;
      }
      for (const value of Object.keys(values)) if (!type.getValue(value)) stale.push(`${enumName}.${value}`);
    }
    expect(stale).toEqual([]);
  });

  it('every enum has a description and every value’s description shows its Chinese label', () => {
    const lacking: string[] = [];
    for (const type of publicEnums(schema)) {
      if (!type.description?.trim()) lacking.push(type.name);
      for (const v of type.getValues()) {
        if (!v.description?.includes(ENUM_LABELS[type.name]?.[v.name]?.[0] ?? '\u0000')) lacking.push(`${type.name}.${v.name}`);
      }
    }
    expect(lacking).toEqual([]);
  });
});

describe('schema.graphql lists enum values in declaration order', () => {
  it('each enum’s values read as introspection gives them, not alphabetically', () => {
    const committed = parseSdl(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
    for (const type of publicEnums(schema)) {
      const printed = committed.getType(type.name);
      expect(isEnumType(printed) && printed.getValues().map((v) => v.name)).toEqual(type.getValues().map((v) => v.name));
    }
    const status = committed.getType('CompetitionStatus');
    expect(isEnumType(status) && status.getValues().map((v) => v.name).slice(0, 3)).toEqual(['DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED']);
  });

  it('types stay sorted by name, for stable diffs', () => {
    const sdl = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    const names = [...sdl.matchAll(/^(?:type|enum|input|interface|union|scalar) (\w+)/gm)].map((m) => m[1]);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('enumLabels through the API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const QUERY = `query ($locale: Locale, $enums: [String!]) {
    enumLabels(locale: $locale, enums: $enums) { enum description values { value label description } }
  }`;

  it('gives Chinese labels by default, in declaration order, to anonymous viewers', async () => {
    const res = await t.gql(QUERY, { enums: ['CompetitionStatus', 'SkillLevel', 'NoSuchEnum'] });
    expect(res.errors).toBeUndefined();
    const [status, skill, ...rest] = res.data!.enumLabels;
    expect(rest).toEqual([]);
    expect(status.enum).toBe('CompetitionStatus');
    expect(status.description).toMatch(/竞赛状态/);
    expect(status.values.slice(0, 2)).toEqual([
      { value: 'DRAFT', label: '草稿', description: null },
      { value: 'REGISTRATION_OPEN', label: '报名中', description: null },
    ]);
    expect(skill.values.map((v: { label: string }) => v.label)).toEqual(['初级工', '中级工', '高级工', '技师', '高级技师']);
  });

  it('gives English labels on request, with the schema’s explanation of a value', async () => {
    const res = await t.gql(QUERY, { locale: 'EN', enums: ['AbsentRanking'] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.enumLabels).toEqual([{
      enum: 'AbsentRanking',
      description: 'Where entrants who did not show up (ABSENT) go in the ranking.',
      values: [
        { value: 'LAST', label: 'Ranked last', description: expect.stringMatching(/^Ranked after every other ranked entry/) },
        { value: 'UNRANKED', label: 'Unranked', description: 'Listed without a rank, like withdrawn and disqualified entries.' },
      ],
    }]);
  });

  it('lists every public enum, sorted by name, when none are named', async () => {
    const res = await t.gql(`{ enumLabels(locale: EN) { enum values { value label } } }`);
    expect(res.errors).toBeUndefined();
    const names = res.data!.enumLabels.map((e: { enum: string }) => e.enum);
    expect(names).toEqual(publicEnums(schema).map((e) => e.name).sort());
    expect(names).not.toContain('__TypeKind');
  });
});
