import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Enterprise } from '../../registry/enterprise.entity.js';
import { Worker } from '../../registry/worker.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { Entry } from './entry.entity.js';
import { EntryStatus } from '../enums.js';

@InputType()
export class RegisterEntryInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => [ID], { description: 'Exactly the competition’s teamSize workers.' }) workerIds!: string[];
  @Field(() => String, { nullable: true, description: 'Required for team entries (teamSize > 1).' }) teamName?: string | null;
}

@InputType()
export class WithdrawEntryInput {
  @Field(() => ID) entryId!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType({ description: 'Records that an entrant did not show up (缺考).' })
export class MarkEntryAbsentInput {
  @Field(() => ID) entryId!: string;
  @Field({ description: 'Required, recorded as the entry’s statusReason (1–1000 characters).' }) reason!: string;
}

@InputType()
export class DisqualifyEntryInput {
  @Field(() => ID) entryId!: string;
  @Field({ description: 'Required; shown with the entry.' }) reason!: string;
}

@ObjectType()
export class EntryPayload extends Payload {
  @Field(() => Entry, { nullable: true }) entry?: Entry | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@InputType()
export class DrawLotsInput {
  @Field(() => ID) competitionId!: string;
  @Field({ description: 'Recorded with the draw, so anyone can reproduce it (1–100 characters).' }) seed!: string;
}

@ObjectType()
export class DrawLotsPayload extends Payload {
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
  @Field(() => [Entry], { nullable: true, description: 'The active entries in start order.' }) entries?: Entry[] | null;
}

@InputType()
export class EntryFilter {
  @Field(() => EntryStatus, { nullable: true }) status?: EntryStatus | null;
}

@ObjectType({ description: 'A worker in an entry. Hidden from the competition’s judges until it is finalized (anonymous marking).' })
export class EntryParticipant {
  @Field() name!: string;
  @Field(() => Enterprise, { description: 'The worker’s enterprise when the entry was registered.' }) enterprise!: Enterprise;
  @Field(() => Worker, { nullable: true, description: 'The registry record: for registry readers (ADMIN, ORGANIZER, STUDIO_MANAGER, REVIEWER) only.' })
  worker!: Worker | null;
}

export const EntryConnection = Connection(Entry, 'Entry');
export type EntryConnection = InstanceType<typeof EntryConnection>;
