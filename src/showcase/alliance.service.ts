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
import { Alliance, AllianceMembership } from './alliance.entity.js';
import { AllianceScope } from './enums.js';

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

const NAME_TAKEN = 'An alliance with this name already exists';

/** A studio joins or leaves alliances through its own manager, or an admin. */
export function managesStudio(viewer: Viewer, studio: Studio): boolean {
  return viewer.roles.includes(Role.ADMIN) || (viewer.roles.includes(Role.STUDIO_MANAGER) && studio.manager.id === viewer.id);
}

export class AllianceService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer, data: AllianceData): Promise<Alliance> {
    const check = new InputCheck();
    const name = check.text('name', data.name, { max: 200 });
    const region = check.text('region', data.region, { max: 100, optional: true }) || null;
    const industry = check.text('industry', data.industry, { max: 100, optional: true }) || null;
    const description = check.text('description', data.description, { max: 10_000, optional: true });
    if (data.scope === AllianceScope.REGIONAL && !region && check.ok) check.fail('region', 'A REGIONAL alliance needs a region');
    if (data.scope === AllianceScope.INDUSTRY && !industry && check.ok) check.fail('industry', 'An INDUSTRY alliance needs an industry');
    check.throwIfAny();
    if (await this.em.count(Alliance, { name })) throw domainError(UserErrorCode.ALREADY_EXISTS, NAME_TAKEN, ['input', 'name']);
    const alliance = this.em.create(Alliance, {
      name, scope: data.scope, region, industry, description, createdBy: this.em.getReference(User, viewer.id), createdAt: new Date(),
    } as never);
    try {
      await this.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw domainError(UserErrorCode.ALREADY_EXISTS, NAME_TAKEN, ['input', 'name']);
      throw err;
    }
    return alliance;
  }

  /** The studio, its manager checked (FORBIDDEN otherwise), locked against a concurrent status change. */
  private async managedStudio(em: EntityManager, viewer: Viewer, studioId: string, lockMode?: LockMode): Promise<Studio> {
    const studio = await em.findOne(Studio, { id: studioId }, lockMode ? { lockMode } : {});
    if (!studio) throw notFound('Studio', ['input', 'studioId']);
    if (!managesStudio(viewer, studio)) throw forbidden('Only the studio’s manager or an admin may do this');
    return studio;
  }

  async join(viewer: Viewer, allianceId: string, studioId: string): Promise<{ alliance: Alliance; studio: Studio }> {
    try {
      return await this.em.transactional(async (tx) => {
        const studio = await this.managedStudio(tx, viewer, studioId, LockMode.PESSIMISTIC_READ);
        const alliance = await tx.findOne(Alliance, { id: allianceId });
        if (!alliance) throw notFound('Alliance', ['input', 'allianceId']);
        if (studio.status !== StudioStatus.ACCREDITED) {
          throw domainError(UserErrorCode.NOT_ELIGIBLE, `Only accredited studios may join an alliance (this one is ${studio.status})`, ['input', 'studioId']);
        }
        if (await tx.count(AllianceMembership, { alliance, studio })) {
          throw domainError(UserErrorCode.ALREADY_EXISTS, 'The studio is already a member of this alliance', ['input', 'studioId']);
        }
        tx.create(AllianceMembership, { alliance, studio, joinedAt: new Date() });
        await tx.flush();
        return { alliance, studio };
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw domainError(UserErrorCode.ALREADY_EXISTS, 'The studio is already a member of this alliance', ['input', 'studioId']);
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
      if (!membership) throw domainError(UserErrorCode.NOT_FOUND, 'The studio is not a member of this alliance', ['input', 'studioId']);
      tx.remove(membership);
      await tx.flush();
      return { alliance, studio };
    });
  }
}

/** Public list, by name. */
export async function listAlliances(em: EntityManager, filter: AllianceListFilter | null, page: PageRequest): Promise<ConnectionShape<Alliance>> {
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
  return paginate(em, Alliance, where, page, { name: 'asc', id: 'asc' });
}
