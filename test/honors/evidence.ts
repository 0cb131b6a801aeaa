import { idOf } from '../../src/common/relay';
import { mutate } from '../helpers/competition';
import { createWorker } from '../helpers/registry';
import type { TestServer } from '../helpers/server';
import { setupStudio } from '../helpers/studio';
import type { HonorWorld } from './fixture';

export interface Evidence {
  enterpriseId: string;
  workerId: string;
  innovationIds: string[];
  methodIds: string[];
}

/**
 * A nominee with registry evidence of their own: a member of an accredited studio with two
 * innovations and a NAMED operating method. The method is named in the database (naming takes three
 * expert reviews, which src/methods' tests cover); everything else goes through the API.
 */
export async function nomineeWithEvidence(t: TestServer, w: HonorWorld, name: string, titles = ['焊缝智能检测装置', '薄板焊接夹具']): Promise<Evidence> {
  const s = await setupStudio(t, { admin: w.admin, members: 0 });
  const worker = await createWorker(t, w.admin.token, s.enterpriseId, { name, skillLevel: 'SENIOR', frontLine: true, tradeStartYear: 2005, education: 'JUNIOR_COLLEGE' });
  await mutate(t, s.manager.token, 'addStudioMember', 'AddStudioMemberInput', { studioId: s.studioId, workerId: worker.id, role: 'MEMBER' }, 'studio { id }');
  const innovationIds: string[] = [];
  for (const title of titles) {
    innovationIds.push((await mutate(t, s.manager.token, 'registerInnovation', 'RegisterInnovationInput', {
      studioId: s.studioId, title, category: 'TECHNICAL_INNOVATION', inventorWorkerIds: [worker.id],
    }, 'innovation { id }')).innovation.id);
  }
  const method = await mutate(t, s.manager.token, 'submitOperatingMethod', 'SubmitOperatingMethodInput', {
    proposedName: '薄板焊接变形控制法', trade: '焊工', summary: '分段退焊', steps: ['预热', '分段退焊'], expectedBenefit: '返修率降低',
    inventorWorkerIds: [worker.id], studioId: s.studioId,
  }, 'method { id }');
  await t.orm.em.fork().execute(`update operating_method set status = 'NAMED', official_name = ?, named_at = now() where id = ?`,
    [`${Math.random().toString(36).slice(2, 6)}高效焊接法`, idOf(method.method.id, 'OperatingMethod')]);
  return { enterpriseId: s.enterpriseId, workerId: worker.id, innovationIds, methodIds: [method.method.id] };
}
