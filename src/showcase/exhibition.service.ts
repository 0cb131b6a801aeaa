import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import { parseGlobalId, type ConnectionShape, type PageRequest } from '../common/relay.js';
import { containsPattern, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { Innovation } from '../studios/innovation.entity.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { MethodStatus } from '../methods/enums.js';
import { IncubationProject } from '../incubation/incubation-project.entity.js';
import { ExhibitKind } from './enums.js';
import { Exhibition, ExhibitionItem } from './exhibition.entity.js';
import { isPublicMethod, isPublicProject, isPublicStudio } from './visibility.js';
import { m } from './messages.js';

export interface ExhibitionData {
  title: string;
  venue: string;
  online: boolean;
  startsAt: Date;
  endsAt: Date;
}

export interface ExhibitionListFilter {
  upcoming?: boolean | null;
  from?: Date | null;
  to?: Date | null;
  online?: boolean | null;
  search?: string | null;
}

type ExhibitItem = Innovation | OperatingMethod | IncubationProject;

/** The GraphQL type behind each exhibit kind; an itemId of any other type is refused. */
export const KIND_OF_TYPE: Record<string, ExhibitKind> = {
  Innovation: ExhibitKind.INNOVATION,
  OperatingMethod: ExhibitKind.OPERATING_METHOD,
  IncubationProject: ExhibitKind.INCUBATION_PROJECT,
};

const ITEM_FIELD = ['input', 'itemId'];
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('3000-01-01T00:00:00Z');

/** A date an exhibition can have: years far off are typos. */
function exhibitionDate(check: InputCheck, field: string, value: Date | null | undefined): Date {
  const d = check.date(field, value, { notBefore: EARLIEST });
  if (d > LATEST) check.fail(field, m('tooLate', { field }));
  return d;
}

/** The exhibition's creator (an organizer) or an admin changes what it shows; other organizers only read. */
export function mayEditExhibition(viewer: Viewer | null, exhibition: Exhibition): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || (viewer.roles.includes(Role.ORGANIZER) && exhibition.createdBy.id === viewer.id));
}

function parseItemId(globalId: string): { kind: ExhibitKind; id: string } {
  const parsed = parseGlobalId(globalId);
  const kind = parsed ? KIND_OF_TYPE[parsed.type] : undefined;
  if (!parsed || !kind) throw domainError(UserErrorCode.INVALID_INPUT, m('notAnExhibitId'), ITEM_FIELD);
  return { kind, id: parsed.id };
}

export class ExhibitionService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer, data: ExhibitionData): Promise<Exhibition> {
    const check = new InputCheck();
    const title = check.name('title', data.title, { max: 200 });
    const venue = check.text('venue', data.venue, { max: 300 });
    const startsAt = exhibitionDate(check, 'startsAt', data.startsAt);
    const endsAt = exhibitionDate(check, 'endsAt', data.endsAt);
    if (check.ok && endsAt <= startsAt) check.fail('endsAt', m('endsBeforeStart'));
    check.throwIfAny();
    const exhibition = this.em.create(Exhibition, {
      title, venue, online: !!data.online, startsAt, endsAt, createdBy: this.em.getReference(User, viewer.id), createdAt: new Date(),
    } as never);
    await this.em.flush();
    return exhibition;
  }

  async update(viewer: Viewer, id: string, data: Partial<{ [K in keyof ExhibitionData]: ExhibitionData[K] | null }>): Promise<Exhibition> {
    return this.em.transactional(async (tx) => {
      const exhibition = await this.editable(tx, viewer, id);
      const check = new InputCheck();
      const changes: Partial<ExhibitionData> = {};
      if (data.title != null) changes.title = check.name('title', data.title, { max: 200 });
      if (data.venue != null) changes.venue = check.text('venue', data.venue, { max: 300 });
      if (data.online != null) changes.online = data.online;
      if (data.startsAt != null) changes.startsAt = exhibitionDate(check, 'startsAt', data.startsAt);
      if (data.endsAt != null) changes.endsAt = exhibitionDate(check, 'endsAt', data.endsAt);
      if (check.ok && (changes.endsAt ?? exhibition.endsAt) <= (changes.startsAt ?? exhibition.startsAt)) {
        check.fail(data.endsAt != null ? 'endsAt' : 'startsAt', m('endsBeforeStart'));
      }
      check.throwIfAny();
      tx.assign(exhibition, changes);
      await tx.flush();
      return exhibition;
    });
  }

  /** The exhibition row locked for the transaction, after the edit rights are checked. */
  private async editable(em: EntityManager, viewer: Viewer, id: string): Promise<Exhibition> {
    const exhibition = await em.findOne(Exhibition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!exhibition) throw notFound('Exhibition', ['input', 'exhibitionId']);
    if (!mayEditExhibition(viewer, exhibition)) throw forbidden(m('exhibitionNotEditable'));
    return exhibition;
  }

  async addExhibit(viewer: Viewer, exhibitionId: string, itemGlobalId: string): Promise<{ exhibition: Exhibition; exhibit: ExhibitItem }> {
    const { kind, id } = parseItemId(itemGlobalId);
    try {
      return await this.em.transactional(async (tx) => {
        const exhibition = await this.editable(tx, viewer, exhibitionId);
        const exhibit = await this.publicItem(tx, kind, id);
        if (await tx.count(ExhibitionItem, { exhibition, kind, itemId: id })) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyOnShow'), ITEM_FIELD);
        }
        tx.create(ExhibitionItem, { exhibition, kind, itemId: id, addedBy: tx.getReference(User, viewer.id), addedAt: new Date() });
        await tx.flush();
        return { exhibition, exhibit };
      });
    } catch (err) {
      // Two clicks at once: the row lock serializes them, the unique key is the last word.
      if (err instanceof UniqueConstraintViolationException) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyOnShow'), ITEM_FIELD);
      }
      throw err;
    }
  }

  async removeExhibit(viewer: Viewer, exhibitionId: string, itemGlobalId: string): Promise<Exhibition> {
    const { kind, id } = parseItemId(itemGlobalId);
    return this.em.transactional(async (tx) => {
      const exhibition = await this.editable(tx, viewer, exhibitionId);
      const row = await tx.findOne(ExhibitionItem, { exhibition, kind, itemId: id });
      if (!row) throw notFound('Exhibit', ITEM_FIELD);
      tx.remove(row);
      await tx.flush();
      return exhibition;
    });
  }

  /** The item, when it exists and may be shown; otherwise a userError saying why not. */
  private async publicItem(em: EntityManager, kind: ExhibitKind, id: string): Promise<ExhibitItem> {
    const notPublic = (what: string) => domainError(UserErrorCode.NOT_ELIGIBLE, what, ITEM_FIELD);
    switch (kind) {
      case ExhibitKind.INNOVATION: {
        const item = await em.findOne(Innovation, { id }, { populate: ['studio'] });
        if (!item) throw notFound('Innovation', ITEM_FIELD);
        if (!isPublicStudio(item.studio.getEntity())) throw notPublic(m('innovationNotPublic'));
        return item;
      }
      case ExhibitKind.OPERATING_METHOD: {
        const item = await em.findOne(OperatingMethod, { id });
        if (!item) throw notFound('OperatingMethod', ITEM_FIELD);
        if (!isPublicMethod(item)) {
          throw notPublic(m(item.status === MethodStatus.REJECTED ? 'methodRejected' : 'methodNotNamed'));
        }
        return item;
      }
      case ExhibitKind.INCUBATION_PROJECT: {
        const item = await em.findOne(IncubationProject, { id });
        if (!item) throw notFound('IncubationProject', ITEM_FIELD);
        if (!isPublicProject(item)) throw notPublic(m('projectTerminated'));
        return item;
      }
    }
  }
}

/** Public list; `upcoming` is measured against `now`. */
export async function listExhibitions(
  em: EntityManager,
  filter: ExhibitionListFilter | null,
  page: PageRequest,
  order: Record<string, 'asc' | 'desc'>,
  now = new Date(),
): Promise<ConnectionShape<Exhibition>> {
  const and: FilterQuery<Exhibition>[] = [];
  if (filter?.upcoming === true) and.push({ endsAt: { $gt: now } });
  if (filter?.upcoming === false) and.push({ endsAt: { $lte: now } });
  if (filter?.from) and.push({ endsAt: { $gte: filter.from } });
  if (filter?.to) and.push({ startsAt: { $lte: filter.to } });
  if (filter?.online != null) and.push({ online: filter.online });
  if (filter?.search?.trim()) {
    const p = containsPattern(filter.search);
    and.push({ $or: [{ title: { $ilike: p } }, { venue: { $ilike: p } }] });
  }
  return paginate(em, Exhibition, and.length ? { $and: and } : {}, page, order);
}
