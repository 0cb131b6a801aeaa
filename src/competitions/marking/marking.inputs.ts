import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Stage } from '../setup/stage.entity.js';
import { Score } from '../judging/score.entity.js';
import { MarkingCode } from './marking-code.entity.js';

@InputType({ description: 'Issues marking codes (发放加密号) for one anonymous stage.' })
export class IssueMarkingCodesInput {
  @Field(() => ID, { description: 'An anonymous stage (Stage.anonymous).' }) stageId!: string;
}

@ObjectType({ description: 'How many codes were issued, or userErrors (nothing issued).' })
export class IssueMarkingCodesPayload extends Payload {
  @Field(() => Stage, { nullable: true, description: 'The stage; null when refused.' }) stage?: Stage | null;
  @Field(() => Int, { nullable: true, description: 'Codes issued by this call (0 when every active entry had one already).' }) issuedCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'Codes the stage has now.' }) totalCount?: number | null;
}

@ObjectType({ description: 'One paper or workpiece on a judge’s marking list of an anonymous stage: its code and the judge’s marks, nothing that names the entry.' })
export class MarkingSlip {
  @Field(() => ID, { description: 'What to mark by (SubmitScoreInput.markingId): opaque, not the entry’s ID, not resolvable by node().' }) markingId!: string;
  @Field({ description: 'The marking code (加密号) on the paper or workpiece.' }) code!: string;
  @Field(() => [Score], { description: 'Your marks on it (and the one MEASUREMENT mark of each such criterion), in criterion order: at most one per criterion of the stage.' }) marks!: Score[];
  @Field({ description: 'True when every criterion of the stage has your mark (MEASUREMENT: anyone’s).' }) complete!: boolean;
}

export const MarkingSlipConnection = Connection(MarkingSlip, 'MarkingSlip');
export type MarkingSlipConnection = InstanceType<typeof MarkingSlipConnection>;
export const MarkingCodeConnection = Connection(MarkingCode, 'MarkingCode');
export type MarkingCodeConnection = InstanceType<typeof MarkingCodeConnection>;
