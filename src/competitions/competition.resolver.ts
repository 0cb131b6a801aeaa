import { Resolver } from 'type-graphql';

@Resolver()
export class CompetitionResolver {}
