import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { Entry } from './entry.entity.js';
import { EntryStatus } from '../enums.js';

@InputType({ description: 'Enters one worker, or a team, in a competition whose registration is open.' })
export class RegisterEntryInput {
  @Field(() => ID, { description: 'The competition (REGISTRATION_OPEN, before its deadline).' }) competitionId!: string;
  @Field(() => [ID], { description: 'Exactly the competition’s teamSize workers.' }) workerIds!: string[];
  @Field(() => String, { nullable: true, description: 'Required for team entries (teamSize > 1).' }) teamName?: string | null;
}

@InputType({ description: 'Withdraws an active entry (退赛): it stays listed but leaves the ranking.' })
export class WithdrawEntryInput {
  @Field(() => ID, { description: 'The entry to withdraw.' }) entryId!: string;
  @Field(() => String, { nullable: true, description: 'Why (optional, at most 1000 characters); recorded as the entry’s statusReason.' }) reason?: string | null;
}

@InputType({ description: 'Records that an entrant did not show up (缺考).' })
export class MarkEntryAbsentInput {
  @Field(() => ID, { description: 'The entry whose entrant did not show up (IN_PROGRESS or SCORING_CLOSED).' }) entryId!: string;
  @Field({ description: 'Required, recorded as the entry’s statusReason (1–1000 characters).' }) reason!: string;
}

@InputType({ description: 'Disqualifies an active entry (取消资格): it stays listed but leaves the ranking.' })
export class DisqualifyEntryInput {
  @Field(() => ID, { description: 'The entry to disqualify.' }) entryId!: string;
  @Field({ description: 'Required; shown with the entry.' }) reason!: string;
}

@ObjectType({ description: 'The result of registering an entry or changing its status.' })
export class EntryPayload extends Payload {
  @Field(() => Entry, { nullable: true, description: 'The entry registered or changed; null when refused.' }) entry?: Entry | null;
  @Field(() => Competition, { nullable: true, description: 'Its competition; null when refused.' }) competition?: Competition | null;
}

@InputType({ description: 'Draws start numbers and stations (抽签) for the active entries; may be redrawn until the competition starts.' })
export class DrawLotsInput {
  @Field(() => ID, { description: 'The competition (REGISTRATION_CLOSED).' }) competitionId!: string;
  @Field({ description: 'Recorded with the draw, so anyone can reproduce it (1–100 characters).' }) seed!: string;
}

@ObjectType({ description: 'The result of a draw of lots.' })
export class DrawLotsPayload extends Payload {
  @Field(() => Competition, {
    nullable: true,
    description: 'The competition with its drawSeed and drawnAt; null when refused. Its `entries(filter: { status: ACTIVE })` lists the entries drawn, in start order.',
  })
  competition?: Competition | null;
}

@InputType({ description: 'Which entries to list.' })
export class EntryFilter {
  @Field(() => EntryStatus, { nullable: true, description: 'Only entries in this status; null = all.' }) status?: EntryStatus | null;
}

@ObjectType({ description: 'A worker in an entry. Hidden from the competition’s judges until it is finalized (anonymous marking).' })
export class EntryParticipant {
  @Field({ description: 'The worker’s name (姓名).' }) name!: string;
  @Field(() => Enterprise, { description: 'The worker’s enterprise when the entry was registered.' }) enterprise!: Enterprise;
  @Field(() => Worker, { nullable: true, description: 'The registry record: for registry readers (ADMIN, ORGANIZER, STUDIO_MANAGER, REVIEWER) only.' })
  worker!: Worker | null;
}

export const EntryConnection = Connection(Entry, 'Entry');
export type EntryConnection = InstanceType<typeof EntryConnection>;
