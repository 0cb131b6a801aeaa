import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { notFound, Payload, withUserErrors } from '../common/errors.js';
import { expectId } from '../common/relay.js';
import { Role } from '../auth/role.js';
import { createNominationPrintLink } from './nomination-print.js';
import { Nomination } from './nomination.entity.js';
import { NOMINATOR } from './registry-facts.js';

@InputType({ description: 'Which nomination’s form (推荐表) to print.' })
export class CreateNominationPrintLinkInput {
  @Field(() => ID, { description: 'The nomination whose printable form to open.' }) nominationId!: string;
}

@ObjectType({ description: 'The result of createNominationPrintLink: a one-time link to the printable nomination form (推荐表).' })
export class NominationPrintLinkPayload extends Payload {
  @Field(() => String, {
    nullable: true,
    description: 'Path of the nomination’s printable form with a one-time token (`/nominations/<id>/form?token=…`), for a plain link on this server; ' +
      'it works once and needs no Authorization header.',
  })
  url?: string | null;
  @Field(() => Date, { nullable: true, description: 'The link is refused after this.' }) expiresAt?: Date | null;
}

@Resolver()
export class NominationPrintResolver {
  @Authorized(Role.ADMIN, Role.ORGANIZER, NOMINATOR)
  @Mutation(() => NominationPrintLinkPayload, {
    description: 'Its nominator, a NOMINATOR of its enterprise, the campaign’s organizer or an ADMIN (else FORBIDDEN): a short-lived, single-use link to ' +
      'the nomination’s printable A4 form (推荐表: campaign, the nominee’s registry facts, statement, evidence, internal notice, signature and seal boxes).',
  })
  async createNominationPrintLink(@Arg('input') input: CreateNominationPrintLinkInput, @Ctx() ctx: Context): Promise<NominationPrintLinkPayload> {
    return withUserErrors(async () => {
      const em = ctx.em as EntityManager;
      const nomination = await em.findOne(Nomination, { id: expectId(input.nominationId, 'Nomination', ['input', 'nominationId']) });
      if (!nomination) throw notFound('Nomination', ['input', 'nominationId']);
      return createNominationPrintLink(em, ctx.viewer!, nomination, ctx.app.config.resultsDownloadTtlSeconds);
    });
  }
}
