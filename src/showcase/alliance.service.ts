import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { InputCheck } from '../common/validate.js';
import type { ConnectionShape, PageRequest } from '../common/relay.js';
import { containsPattern, paginate } from '../common/pagination.js';
import { Role } from '../auth/role.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { Studio } from '../studios/studio.entity.js';
import { StudioStatus } from '../studios/enums.js';
import { assertStudioManager, lockStudio } from '../studios/access.js';
import { Alliance, AllianceMembership } from './alliance.entity.js';
import { AllianceScope } from './enums.js';
import { labelOf } from '../common/enum-labels.js';
import { commonMessage } from '../common/messages.js';
import { m } from './messages.js';

export interface AllianceData {
  name: string;
  scope: AllianceScope;
  region?: string | null;
  industry?: string | null;
  description?: string | null;
}

export interface AllianceListFilter {
  scope?: AllianceScope | null;
  region?: string | null;
  industry?: string | null;
  studioId?: string | null;
  search?: string | null;
}

/** The message, rendered when thrown (in the reader's language). */
const NAME_TAKEN = () => m('allianceNameTaken');

export function mayEditAlliance(viewer: Viewer | null, alliance: Alliance): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || (viewer.roles.includes(Role.ORGANIZER) && alliance.createdBy.id === viewer.id));
}

/**
 * The fields given, checked and merged with `existing`: a REGIONAL alliance keeps a region, an INDUSTRY
 * one an industry. An empty region or industry clears it.
 */
function cleanAlliance(data: Partial<{ [K in keyof AllianceData]: AllianceData[K] | null }>, existing: Alliance | null) {
  const check = new InputCheck();
  const name = data.name != null || !existing ? check.name('name', data.name, { max: 200 }) : existing.name;
  const scope = data.scope ?? existing?.scope ?? null;
  if (!scope) check.fail('scope', commonMessage('required', { field: 'scope' }));
  const region = data.region != null ? check.text('region', data.region, { max: 100, optional: true }) || null : existing?.region ?? null;
  const industry = data.industry != null ? check.text('industry', data.industry, { max: 100, optional: true }) || null : existing?.industry ?? null;
  const description = data.description != null ? check.text('description', data.description, { max: 10_000, optional: true }) : existing?.description ?? '';
  if (check.ok && scope === AllianceScope.REGIONAL && !region) check.fail('region', m('regionalNeedsRegion'));
  if (check.ok && scope === AllianceScope.INDUSTRY && !industry) check.fail('industry', m('industryNeedsIndustry'));
  check.throwIfAny();
  return { name, scope: scope!, region, industry, description };
}

export class AllianceService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer, data: AllianceData): Promise<Alliance> {
    const clean = cleanAlliance(data, null);
    await this.assertNameFree(this.em, clean.name, null);
    const alliance = this.em.create(Alliance, { ...clean, createdBy: this.em.getReference(User, viewer.id), createdAt: new Date() } as never);
    await this.flushNamed(this.em);
    return alliance;
  }

  /** Its creator (an organizer) or an admin; the scope rule holds for the result. */
  async update(viewer: Viewer, id: string, data: Partial<{ [K in keyof AllianceData]: AllianceData[K] | null }>): Promise<Alliance> {
    return this.em.transactional(async (tx) => {
      const alliance = await tx.findOne(Alliance, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!alliance) throw notFound('Alliance', ['input', 'allianceId']);
      if (!mayEditAlliance(viewer, alliance)) throw forbidden(m('allianceNotEditable'));
      const clean = cleanAlliance(data, alliance);
      await this.assertNameFree(tx, clean.name, alliance.id);
      tx.assign(alliance, clean);
      await this.flushNamed(tx);
      return alliance;
    });
  }

  private async assertNameFree(em: EntityManager, name: string, self: string | null): Promise<void> {
    if (await em.count(Alliance, { name, ...(self ? { id: { $ne: self } } : {}) })) throw domainError(UserErrorCode.ALREADY_EXISTS, NAME_TAKEN(), ['input', 'name']);
  }

  /** The unique key has the last word when two requests take the same name at once. */
  private async flushNamed(em: EntityManager): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw domainError(UserErrorCode.ALREADY_EXISTS, NAME_TAKEN(), ['input', 'name']);
      throw err;
    }
  }

  /**
   * The studio, locked as every write about a studio is (a concurrent suspension waits), after the
   * studios module's own rule: its manager or an admin (FORBIDDEN otherwise).
   */
  private async managedStudio(em: EntityManager, viewer: Viewer, studioId: string): Promise<Studio> {
    const studio = await lockStudio(em, studioId);
    assertStudioManager(viewer, studio);
    return studio;
  }

  async join(viewer: Viewer, allianceId: string, studioId: string): Promise<{ alliance: Alliance; studio: Studio }> {
    try {
      return await this.em.transactional(async (tx) => {
        const studio = await this.managedStudio(tx, viewer, studioId);
        const alliance = await tx.findOne(Alliance, { id: allianceId });
        if (!alliance) throw notFound('Alliance', ['input', 'allianceId']);
        if (studio.status !== StudioStatus.ACCREDITED) {
          throw domainError(UserErrorCode.NOT_ELIGIBLE, m('joinNeedsAccredited', { status: labelOf('StudioStatus', studio.status) }), ['input', 'studioId']);
        }
        if (await tx.count(AllianceMembership, { alliance, studio })) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyInAlliance'), ['input', 'studioId']);
        }
        tx.create(AllianceMembership, { alliance, studio, joinedAt: new Date() });
        await tx.flush();
        return { alliance, studio };
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, m('alreadyInAlliance'), ['input', 'studioId']);
      }
      throw err;
    }
  }

  async leave(viewer: Viewer, allianceId: string, studioId: string): Promise<{ alliance: Alliance; studio: Studio }> {
    return this.em.transactional(async (tx) => {
      const studio = await this.managedStudio(tx, viewer, studioId);
      const alliance = await tx.findOne(Alliance, { id: allianceId });
      if (!alliance) throw notFound('Alliance', ['input', 'allianceId']);
      const membership = await tx.findOne(AllianceMembership, { alliance, studio });
      if (!membership) throw domainError(UserErrorCode.NOT_FOUND, m('notInAlliance'), ['input', 'studioId']);
      tx.remove(membership);
      await tx.flush();
      return { alliance, studio };
    });
  }
}

/** Public list, by name unless ordered otherwise. */
export async function listAlliances(
  em: EntityManager, filter: AllianceListFilter | null, page: PageRequest, order: Record<string, 'asc' | 'desc'> = { name: 'asc', id: 'asc' },
): Promise<ConnectionShape<Alliance>> {
  const where: FilterQuery<Alliance> = {};
  if (filter?.scope) where.scope = filter.scope;
  if (filter?.region) where.region = filter.region;
  if (filter?.industry) where.industry = filter.industry;
  if (filter?.search?.trim()) where.name = { $ilike: containsPattern(filter.search) };
  if (filter?.studioId) {
    // A studio belongs to a handful of alliances: their ids first, then the page over alliance columns only.
    const memberships = await em.find(AllianceMembership, { studio: filter.studioId }, { fields: ['alliance'] });
    where.id = { $in: memberships.map((m) => m.alliance.id) };
  }
  return paginate(em, Alliance, where, page, order);
}
