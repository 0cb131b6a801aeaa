import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../common/loaders.js';
import { MarkingCode } from './marking-code.entity.js';

/** Keyed "stageId:entryId": the entry's code in that stage, or null. One statement per request tick. */
export const codeOfEntryInStage: LoaderFactory<string, MarkingCode | null> = (em) =>
  new DataLoader<string, MarkingCode | null>(async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const rows = await em.find(MarkingCode, {
      stage: { $in: [...new Set(pairs.map((p) => p[0]))] }, entry: { $in: [...new Set(pairs.map((p) => p[1]))] },
    });
    return keys.map((k) => rows.find((r) => `${r.stage.id}:${r.entry.id}` === k) ?? null);
  });
