import type { EntityManager } from '@mikro-orm/postgresql';
import { rowReader, selectByKeys } from '../../common/loaders.js';
import { Question } from '../bank/question.entity.js';

/** Questions kept (a city's banks are a few thousand); past it the oldest kept go first. */
const CAPACITY = 20_000;

/**
 * The questions of papers being started, kept per server process by id and version: every taker of a
 * drill draws from the same few hundred questions, and reading the paper's 50 rows with each start was
 * most of the start statement's time and a tenth of the server's. Every change of a question raises its
 * version (its optimistic lock), and a start asks for the versions its paper's questions have now, so a
 * start never gets an older text, options or key than the database holds, on any instance. The rows
 * are read-only and shared between requests: nothing may change them.
 */
export class PaperQuestionCache {
  private readonly byId = new Map<string, Question>();

  /** The questions of these (id, version) pairs, in their order; those not kept at that version read in one statement. */
  async questions(em: EntityManager, versions: [string, number][]): Promise<Question[]> {
    const missing = versions.filter(([id, version]) => this.byId.get(id)?.version !== version).map(([id]) => id);
    if (missing.length) {
      const reader = rowReader(em, Question);
      for (const row of await selectByKeys(em, `select * from "${reader.table}" where "id" = any(?::uuid[])`, missing)) this.keep(reader.read(row));
    }
    // A question deleted meanwhile is left out, as the joined read did.
    return versions.flatMap(([id]) => this.byId.get(id) ?? []);
  }

  private keep(question: Question): void {
    this.byId.delete(question.id);
    this.byId.set(question.id, question);
    if (this.byId.size > CAPACITY) this.byId.delete(this.byId.keys().next().value!);
  }
}
