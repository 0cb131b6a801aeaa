import { CalendarDay } from './calendar-day.entity.js';
import { HonorCampaign } from './campaign.entity.js';
import { HonorCampaignResolver } from './campaign.resolver.js';
import { Nomination, NominationScore, VettingClearance } from './nomination.entity.js';
import { NominationResolver, ObjectionResolver } from './nomination.resolver.js';
import { HonorEfficacyResolver } from './efficacy.resolver.js';
import { Objection } from './objection.entity.js';
import { NominationPrintLink } from './nomination-print-link.entity.js';
import { NominationPrintResolver } from './nomination-print.resolver.js';
import { NominationEvidenceResolver } from './nomination-evidence.resolver.js';
import { HonorRecordsResolver, HonorSourceResolver, WorkerNominationsResolver } from './records.resolver.js';

export const honorEntities = [HonorCampaign, Nomination, NominationScore, VettingClearance, Objection, CalendarDay, NominationPrintLink];
export const honorResolvers: Function[] = [HonorCampaignResolver, NominationResolver, ObjectionResolver, HonorRecordsResolver, WorkerNominationsResolver, HonorSourceResolver, HonorEfficacyResolver, NominationPrintResolver, NominationEvidenceResolver];
