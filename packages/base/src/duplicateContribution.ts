/**
 * A contribution refused because another contributor already holds its id: two plugins declaring
 * one view, one command, one entity kind. The message names both, so the author (or the member
 * who enabled both) knows which two collide; the first keeps its contribution.
 */
export class DuplicateContributionError extends Error {
  override readonly name = 'DuplicateContributionError';

  /** What is contributed, e.g. `view`, `entity kind`. */
  readonly what: string;
  /** Its id. */
  readonly id: string;
  /** Who already contributes it, e.g. `plugin repertoire.community`. */
  readonly holder: string;
  /** Who tried to contribute it too. */
  readonly contributor: string;

  constructor(what: string, id: string, holder: string, contributor: string) {
    super(
      `${capitalise(contributor)} cannot contribute ${what} "${id}": ${holder} already contributes it.`,
    );
    this.what = what;
    this.id = id;
    this.holder = holder;
    this.contributor = contributor;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
