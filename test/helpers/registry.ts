import { creditCodeCheckChar } from '../../src/registry/credit-code';
import type { TestServer } from './server';
import { ok } from './server';
import { CreateEnterpriseDocument, CreateWorkerDocument, type CreateEnterpriseInput, type CreateWorkerInput } from '../generated/graphql';

/** A valid unified social credit code, distinct per n. */
export function creditCode(n: number): string {
  const body = `91350200${String(n).padStart(9, '0')}`;
  return body + creditCodeCheckChar(body);
}

let seq = 1000;

export async function createEnterprise(t: TestServer, token: string, over: Partial<CreateEnterpriseInput> = {}): Promise<{ id: string; name: string }> {
  const n = ++seq;
  const input: CreateEnterpriseInput = { name: `企业${n}`, creditCode: creditCode(n), ownership: 'PRIVATE', size: 'SMALL', industry: '制造业', district: '思明区', ...over };
  const res = ok(await t.gql(CreateEnterpriseDocument, { input }, token));
  if (res.createEnterprise.userErrors.length) throw new Error(JSON.stringify(res.createEnterprise.userErrors));
  return res.createEnterprise.enterprise!;
}

export function workerInput(n: number, over: Record<string, unknown> = {}) {
  return { name: `工人${n}`, gender: n % 2 ? 'MALE' : 'FEMALE', birthYear: 1980 + (n % 20), trade: '焊工', skillLevel: 'SENIOR', employeeNumber: `E${n}`, migrantWorker: n % 3 === 0, joinedAt: '2015-03-01', ...over };
}

export async function createWorker(t: TestServer, token: string, enterpriseId: string, over: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const n = ++seq;
  const input = { ...workerInput(n, over), enterpriseId } as CreateWorkerInput;
  const res = ok(await t.gql(CreateWorkerDocument, { input }, token));
  if (res.createWorker.userErrors.length) throw new Error(JSON.stringify(res.createWorker.userErrors));
  return res.createWorker.worker!;
}
