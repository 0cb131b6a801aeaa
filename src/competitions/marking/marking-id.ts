import { toGlobalId } from '../../common/relay.js';

/**
 * The marking ID of a code: a global ID of a type node() has no fetcher for, so it resolves to
 * nothing, around the code row's own random uuid (not the entry's id).
 */
export const MARKING_ID_TYPE = 'Marking';
export const markingIdOf = (code: { id: string }): string => toGlobalId(MARKING_ID_TYPE, code.id);
/** Stands in for a malformed marking ID: looked up, it matches nothing, so it is answered as an unknown one. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
