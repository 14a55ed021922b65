// The names of this plugin's kinds and relation types. A third-party plugin's carry its plugin id
// (`<id>/<name>`): the short names belong to the built-ins, and the manifest is refused otherwise.

const ID = 'sample.inquiry-cycle';

/** The inquiry cycle entity kind. */
export const INQUIRY = `${ID}/inquiry`;
/** inquiry → problem: the problem of practice it inquires into. */
export const INVESTIGATES = `${ID}/investigates`;
/** inquiry → practice: the practice the team tries. */
export const TRIES = `${ID}/tries`;
/** member → inquiry. */
export const PARTICIPATES_IN = `${ID}/participates-in`;
/** inquiry → inquiry: the next cycle follows the one before. */
export const FOLLOWS = `${ID}/follows`;
