import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import * as walkthrough from '../../src/scripts/walkthrough-operations';

/**
 * The example operations of the frontend's docs must run: every ```graphql block of these pages, and
 * every operation of the organizer walkthrough, parses and validates against schema.graphql (which
 * test/schema keeps equal to the code). A field renamed in the schema fails here, naming the block.
 */
const ROOT = path.join(__dirname, '..', '..');
const PAGES = ['docs/frontend.md', 'docs/organizer-walkthrough.md'];

function graphqlBlocks(doc: string): { line: number; source: string }[] {
  const blocks: { line: number; source: string }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  fs.readFileSync(path.join(ROOT, doc), 'utf8').split('\n').forEach((raw, i) => {
    if (!current && /^\s*```graphql\s*$/.test(raw)) current = { line: i + 1, lines: [] };
    else if (current && /^\s*```\s*$/.test(raw)) {
      blocks.push({ line: current.line, source: current.lines.join('\n') });
      current = null;
    } else current?.lines.push(raw);
  });
  return blocks;
}

function problems(schema: GraphQLSchema, source: string): string[] {
  try {
    return validate(schema, parse(source)).map((e) => e.message);
  } catch (err) {
    return [(err as Error).message];
  }
}

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
});

describe.each(PAGES)('%s', (doc) => {
  const blocks = graphqlBlocks(doc);
  it('has example operations', () => expect(blocks.length).toBeGreaterThan(0));
  it.each(blocks.map((b) => [b.line, b.source] as const))('the block at line %i is valid against the schema', (_line, source) => {
    expect(problems(schema, source)).toEqual([]);
  });
});

describe('src/scripts/walkthrough-operations.ts', () => {
  const operations = Object.entries(walkthrough).filter(([, v]) => typeof v === 'string') as [string, string][];
  it('exports the walkthrough’s operations', () => expect(operations.length).toBeGreaterThan(15));
  it.each(operations)('%s is valid against the schema', (_name, source) => {
    expect(problems(schema, source)).toEqual([]);
  });
});

it('refuses what the schema does not have (a check of the check)', () => {
  expect(problems(schema, 'query { competition(id: "x") { noSuchField } }')).toEqual([expect.stringContaining('noSuchField')]);
  expect(problems(schema, 'mutation($input: NoSuchInput!) { login(input: $input) { token } }')).not.toEqual([]);
});

it('finds blocks the way a reader sees them (a check of the parser itself)', () => {
  const text = fs.readFileSync(path.join(ROOT, 'docs/frontend.md'), 'utf8');
  expect(graphqlBlocks('docs/frontend.md')).toHaveLength(text.split('\n').filter((l) => /^\s*```graphql\s*$/.test(l)).length);
});
