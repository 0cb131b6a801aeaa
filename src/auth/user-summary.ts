import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../context.js';
import { byIdLoader } from '../common/loaders.js';
import { toGlobalId } from '../common/relay.js';
import { User } from './user.entity.js';

/** The one per-request user loader: every module asking for a user's name shares its batch. */
export const userById = byIdLoader(User);

@ObjectType({ description: 'A user as other staff see them: no email, no roles.' })
export class UserSummary {
  @Field(() => ID, { description: 'The User’s global ID.' }) id!: string;
  @Field({ description: 'The name shown to other staff.' }) displayName!: string;
}

export async function userSummary(ctx: Context, userId: string): Promise<UserSummary> {
  const user = await ctx.loaders.get(userById).load(userId);
  return { id: toGlobalId('User', userId), displayName: user?.displayName ?? '' };
}
