import {
  type CreateEntityInput,
  type LinkOptions,
  type UpdateEntityInput,
  Workspace,
  type WorkspaceOptions,
} from '@repertoire/core';
import type { Entity, EntityId, Relation } from '@repertoire/schema';
import type * as Y from 'yjs';
import { moveDates, type SampleDates } from './sampleDates.ts';

/**
 * The loader's own workspace, which moves the sample's dates as they are written: titles, fields
 * and relation attributes go through `dates`, and stamps through the clock the loader passes in.
 * One place, so no date of the sample is written unmoved.
 */
export class DatedWorkspace extends Workspace {
  readonly #dates: SampleDates;

  constructor(doc: Y.Doc, options: WorkspaceOptions, dates: SampleDates) {
    super(doc, options);
    this.#dates = dates;
  }

  override createEntity(input: CreateEntityInput): Entity {
    const { title, fields } = input;
    return super.createEntity({
      ...input,
      title: moveDates(title, this.#dates),
      ...(fields ? { fields: moveDates(fields, this.#dates) } : {}),
    });
  }

  override updateEntity(id: EntityId, input: UpdateEntityInput): Entity {
    const { title, fields } = input;
    return super.updateEntity(id, {
      ...input,
      ...(title === undefined ? {} : { title: moveDates(title, this.#dates) }),
      ...(fields ? { fields: moveDates(fields, this.#dates) } : {}),
    });
  }

  override link(from: EntityId, type: string, to: EntityId, options: LinkOptions = {}): Relation {
    const { attributes } = options;
    return super.link(from, type, to, {
      ...options,
      ...(attributes ? { attributes: moveDates(attributes, this.#dates) } : {}),
    });
  }
}
