import { Role } from '../../src/auth/role';
import type { TestServer } from '../helpers/server';

export type TestUser = Awaited<ReturnType<TestServer['user']>>;

/** The users the studio test files act as. */
export interface StudioStaff {
  admin: TestUser;
  manager: TestUser;
  /** A STUDIO_MANAGER who runs none of the file's studios (for the FORBIDDEN cases). */
  otherManager: TestUser;
  reviewer: TestUser;
}

/** An ADMIN, two STUDIO_MANAGERs and a REVIEWER, made in that order. */
export async function studioStaff(t: TestServer, opts: { managerEmail?: string } = {}): Promise<StudioStaff> {
  const admin = await t.user([Role.ADMIN]);
  const manager = await t.user([Role.STUDIO_MANAGER], opts.managerEmail ? { email: opts.managerEmail } : undefined);
  const otherManager = await t.user([Role.STUDIO_MANAGER]);
  const reviewer = await t.user([Role.REVIEWER]);
  return { admin, manager, otherManager, reviewer };
}
