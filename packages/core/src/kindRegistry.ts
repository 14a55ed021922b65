import {
  ANY_KIND,
  compileField,
  type EntityKindDefinition,
  entityKindDefinitionSchema,
  type FieldDefinition,
  type FieldValidator,
  type FieldValue,
  parseOrThrow,
  type RelationKindDefinition,
  relationKindDefinitionSchema,
  splitKindName,
  storedKindName,
  ValidationError,
} from '@repertoire/schema';
import { type Disposable, Emitter, type Event, toDisposable } from './disposable.ts';

/** An entity kind with its fields compiled to validators. */
export interface CompiledEntityKind {
  readonly definition: EntityKindDefinition;
  readonly fields: ReadonlyMap<string, { definition: FieldDefinition; schema: FieldValidator }>;
  /** The id of the plugin that contributed it, when known. */
  readonly owner?: string | undefined;
}

/** What changed in a {@link KindRegistry}. */
export interface KindsChangeEvent {
  entityKinds: { added: string[]; removed: string[] };
  relationKinds: { added: string[]; removed: string[] };
}

/**
 * The entity and relation kinds known at run time. Plugins contribute kinds when they activate
 * and the returned {@link Disposable} removes them again.
 */
export class KindRegistry {
  private readonly entityKindsByName = new Map<string, CompiledEntityKind>();
  private readonly relationKindsByType = new Map<string, RelationKindDefinition>();
  private readonly relationOwners = new Map<string, string>();
  private readonly changes = new Emitter<KindsChangeEvent>({ rethrowListenerErrors: true });

  /** Fires when a kind is registered or disposed. */
  readonly onDidChange: Event<KindsChangeEvent> = this.changes.event;

  /**
   * Registers an entity kind, contributed by plugin `owner` when given; throws a
   * {@link ValidationError} for a bad definition or a taken name. Kinds it refers to by a
   * built-in's qualified name (`repertoire.knowledge/practice`) are kept by their stored name.
   */
  registerEntityKind(definition: EntityKindDefinition, owner?: string): Disposable {
    const parsed = parseOrThrow(entityKindDefinitionSchema, definition);
    const def: EntityKindDefinition = {
      ...parsed,
      fields: parsed.fields.map((f) =>
        f.refKinds ? { ...f, refKinds: f.refKinds.map(storedKindName) } : f,
      ),
    };
    if (this.entityKindsByName.has(def.kind)) {
      throw new ValidationError('kind', `the entity kind "${def.kind}" is already registered`);
    }
    const fields = new Map(
      def.fields.map((f) => [f.name, { definition: f, schema: compileField(f) }] as const),
    );
    const compiled: CompiledEntityKind = { definition: def, fields, owner };
    this.entityKindsByName.set(def.kind, compiled);
    this.changes.fire({ entityKinds: { added: [def.kind], removed: [] }, relationKinds: none() });
    return toDisposable(() => {
      if (this.entityKindsByName.get(def.kind) !== compiled) return;
      this.entityKindsByName.delete(def.kind);
      this.changes.fire({ entityKinds: { added: [], removed: [def.kind] }, relationKinds: none() });
    });
  }

  /**
   * Registers a relation kind, contributed by plugin `owner` when given; throws a
   * {@link ValidationError} for a bad definition or a taken type. Ends named by a built-in's
   * qualified name are kept by their stored name.
   */
  registerRelationKind(definition: RelationKindDefinition, owner?: string): Disposable {
    const parsed = parseOrThrow(relationKindDefinitionSchema, definition);
    const def: RelationKindDefinition = {
      ...parsed,
      from: parsed.from.map(storedKindName),
      to: parsed.to.map(storedKindName),
    };
    if (this.relationKindsByType.has(def.type)) {
      throw new ValidationError('type', `the relation kind "${def.type}" is already registered`);
    }
    this.relationKindsByType.set(def.type, def);
    if (owner !== undefined) this.relationOwners.set(def.type, owner);
    this.changes.fire({ entityKinds: none(), relationKinds: { added: [def.type], removed: [] } });
    return toDisposable(() => {
      if (this.relationKindsByType.get(def.type) !== def) return;
      this.relationKindsByType.delete(def.type);
      this.relationOwners.delete(def.type);
      this.changes.fire({ entityKinds: none(), relationKinds: { added: [], removed: [def.type] } });
    });
  }

  /** The compiled entity kind named `kind`, if registered. */
  entityKind(kind: string): CompiledEntityKind | undefined {
    return this.entityKindsByName.get(kind);
  }

  /** The relation kind of `type`, if registered. */
  relationKind(type: string): RelationKindDefinition | undefined {
    return this.relationKindsByType.get(type);
  }

  /**
   * The name entities of kind `name` are stored under: `name` itself, or for a built-in's
   * qualified name (`repertoire.knowledge/practice`) its short one, when that built-in
   * contributed it. Any other name comes back as it is (and is then unknown).
   */
  entityKindName(name: string): string {
    if (this.entityKindsByName.has(name)) return name;
    const short = storedKindName(name);
    const compiled = this.entityKindsByName.get(short);
    return compiled && ownedBy(compiled.owner, name) ? short : name;
  }

  /** Like {@link entityKindName}, for a relation type. */
  relationTypeName(type: string): string {
    if (this.relationKindsByType.has(type)) return type;
    const short = storedKindName(type);
    return this.relationKindsByType.has(short) && ownedBy(this.relationOwners.get(short), type)
      ? short
      : type;
  }

  /** Every registered entity kind definition. */
  entityKinds(): EntityKindDefinition[] {
    return [...this.entityKindsByName.values()].map((k) => k.definition);
  }

  /** Every registered relation kind definition. */
  relationKinds(): RelationKindDefinition[] {
    return [...this.relationKindsByType.values()];
  }

  /**
   * Validates field values for an entity of `kind`. `values` maps field names to a value, or to
   * `null` to clear it. On creation every required field must be present. Throws a
   * {@link ValidationError} naming the field (`fields.<name>`); returns the values to write.
   */
  validateFields(
    kind: string,
    values: Readonly<Record<string, FieldValue | null | undefined>>,
    creating: boolean,
  ): Map<string, FieldValue | null> {
    const compiled = this.entityKindsByName.get(kind);
    if (!compiled) throw new ValidationError('kind', `unknown entity kind "${kind}"`);
    const out = new Map<string, FieldValue | null>();
    for (const [name, value] of Object.entries(values)) {
      const field = compiled.fields.get(name);
      if (!field) {
        throw new ValidationError(`fields.${name}`, `"${name}" is not a field of ${kind}`);
      }
      if (value === null || value === undefined) {
        if (field.definition.required) {
          throw new ValidationError(`fields.${name}`, `${field.definition.label} is required`);
        }
        if (!creating) out.set(name, null);
        continue;
      }
      out.set(name, parseOrThrow(field.schema, value, `fields.${name}`));
    }
    if (creating) {
      for (const [name, field] of compiled.fields) {
        if (field.definition.required && !out.has(name)) {
          throw new ValidationError(`fields.${name}`, `${field.definition.label} is required`);
        }
      }
    }
    return out;
  }

  /** Throws a {@link ValidationError} unless a `type` relation may join a `fromKind` to a `toKind`. */
  checkRelation(type: string, fromKind: string, toKind: string): RelationKindDefinition {
    const def = this.relationKindsByType.get(type);
    if (!def) throw new ValidationError('type', `unknown relation kind "${type}"`);
    if (!def.from.includes(ANY_KIND) && !def.from.includes(fromKind)) {
      throw new ValidationError('from', `a "${type}" relation cannot start from a ${fromKind}`);
    }
    if (!def.to.includes(ANY_KIND) && !def.to.includes(toKind)) {
      throw new ValidationError('to', `a "${type}" relation cannot point to a ${toKind}`);
    }
    return def;
  }
}

/** Whether the plugin a qualified name names is the kind's owner (any, when it is not known). */
function ownedBy(owner: string | undefined, qualifiedName: string): boolean {
  return owner === undefined || splitKindName(qualifiedName).plugin === owner;
}

function none(): { added: string[]; removed: string[] } {
  return { added: [], removed: [] };
}
