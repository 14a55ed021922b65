import {
  type CompiledEntityKind,
  describeValue as describe,
  graphMaps,
  type KindRegistry,
  kindVersion,
  RELATION_VERSION_KEY,
  relationKindVersion,
  VERSION_KEY,
} from '@repertoire/core';
import {
  entityIdSchema,
  type FieldValue,
  migrateFields,
  parseRelationId,
  pluginSettingsSchema,
  relationAttributesSchema,
  relationIdSchema,
  storedKindName,
  titleSchema,
  ValidationError,
  workspaceSettingsSchema,
} from '@repertoire/schema';
import * as Y from 'yjs';
import { isStewardRole, MEMBER_KIND } from '../stewards.ts';

/** Who sent an update, for checking the `{by, at}` stamps it writes. */
export interface UpdateSender {
  /** The authenticated user: every stamp the update writes must name them. */
  userId: string;
  /** No stamp can be older than this (ms): the account did not exist before. */
  notBefore: number;
  /**
   * Whether the sender stewards the community (owner, coordinator or facilitator), asked only
   * when the update touches a kind that is `editableBy: 'stewards'`; without it, nobody does.
   */
  isSteward?: () => boolean;
  /** Whether they own the workspace: only owners make or unmake a coordinator or facilitator. */
  owner: boolean;
}

/** What {@link checkGraphTransaction} checks against. */
export interface GraphCheckOptions {
  kinds: KindRegistry;
  /** Who sent the update; without one (an audit of stored data) stamps are only shape-checked. */
  sender?: UpdateSender;
  /** The server's clock (ms). */
  now: number;
  /** How far a stamp may be ahead of the server's clock (ms). */
  clockSkewMs: number;
}

const FIELD_PREFIX = 'f:';
type CompiledField = NonNullable<ReturnType<CompiledEntityKind['fields']['get']>>;
const ENTITY_KEYS = new Set(['kind', 'title', 'created', 'updated', 'document', VERSION_KEY]);
/** Largest JSON of one relation value or one plugin's settings. */
const MAX_VALUE_JSON = 64 * 1024;
/** How many earlier values of one key are searched for a stamp an undo restores. */
const MAX_HISTORY = 64;

/**
 * Checks everything one transaction of a graph document changed, in the state it leaves: only
 * the keys it touched are read, so the cost follows the update's size, not the graph's. Returns
 * why the update must be refused, or `undefined` when everything it leaves is valid:
 * - the document holds only `entities`, `relations` and `settings`;
 * - an entity slot holds an entity map of a known kind with a valid title, fields valid by the
 *   kind's schema (required ones present, references to entities of the allowed kinds), nothing
 *   nested, and a kind that never changes;
 * - an entity stored at an older version of its kind (old clients write those) is checked whole,
 *   its fields migrated to the current version first; a version newer than the kind's is refused;
 * - a relation is a `{by, at, attrs?, doc?}` record of a known type, under its `from|type|to`
 *   key, between entities that exist (or existed: a concurrent delete may leave it dangling,
 *   which readers hide) of kinds the type allows;
 * - every stamp written names the sender and a time from their account's creation to now, or is
 *   a stamp the key held before (an undo restores those).
 * `doc` must keep deleted content (`gc: false`) for the last rule.
 */
export function checkGraphTransaction(
  tr: Y.Transaction,
  doc: Y.Doc,
  options: GraphCheckOptions,
): string | undefined {
  const maps = graphMaps(doc);
  const check = new Checker(tr, maps, options);
  for (const [changed, keys] of tr.changed) {
    const type = changed as Y.AbstractType<unknown>;
    const problem =
      type === (maps.entities as Y.AbstractType<unknown>)
        ? check.entitySlots(keys)
        : type === (maps.relations as Y.AbstractType<unknown>)
          ? check.relations(keys)
          : type === (maps.settings as Y.AbstractType<unknown>)
            ? check.settings(keys)
            : check.nested(type, keys);
    if (problem) return problem;
  }
  return undefined;
}

/** Something in a stored graph document that the server would refuse, found by {@link auditGraph}. */
export interface GraphProblem {
  /** Where: a map of the graph document, or `document` for a shared type it should not have. */
  map: 'entities' | 'relations' | 'settings' | 'document';
  /** The key in that map (or the shared type's name). */
  key: string;
  /** For a problem inside an entity: the entity map's key (`title`, `f:role`…). */
  field?: string;
  reason: string;
  /**
   * Set when the problem is in the migrated fields of an entity stored at an older version of its
   * kind: `field` names the migrated field, which may not be stored under that key.
   */
  outdated?: true;
}

/**
 * Everything in `doc` (a whole graph document) that the server would refuse in an update: the
 * same rules as {@link checkGraphTransaction}, applied to every entity, relation and setting,
 * except that stamps are only checked for their shape (who wrote stored data is not known).
 */
export function auditGraph(doc: Y.Doc, kinds: KindRegistry): GraphProblem[] {
  const maps = graphMaps(doc);
  const check = new Checker(null, maps, { kinds, now: Date.now(), clockSkewMs: 0 });
  const out: GraphProblem[] = [];
  const known = new Set<unknown>([maps.entities, maps.relations, maps.settings]);
  for (const [name, type] of doc.share) {
    if (!known.has(type))
      out.push({ map: 'document', key: name, reason: `the graph document has no "${name}"` });
  }
  for (const [id, value] of maps.entities.entries() as IterableIterator<[string, unknown]>) {
    const slot = check.entitySlot(id, value);
    if (slot) {
      out.push({ map: 'entities', key: id, reason: slot });
      continue;
    }
    for (const problem of check.entityProblems(id, value as Y.Map<unknown>))
      out.push({ map: 'entities', key: id, ...problem });
  }
  for (const [key, value] of maps.relations.entries() as IterableIterator<[string, unknown]>) {
    const reason = check.relation(key, value);
    if (reason) out.push({ map: 'relations', key, reason });
  }
  for (const [key, value] of maps.settings.entries()) {
    const reason = check.setting(key, value);
    if (reason) out.push({ map: 'settings', key, reason });
  }
  return out;
}

class Checker {
  private readonly tr: Y.Transaction | null;
  private readonly maps: ReturnType<typeof graphMaps>;
  private readonly options: GraphCheckOptions;

  /** With `tr`, what the transaction made is checked; without, everything counts as new. */
  constructor(
    tr: Y.Transaction | null,
    maps: ReturnType<typeof graphMaps>,
    options: GraphCheckOptions,
  ) {
    this.tr = tr;
    this.maps = maps;
    this.options = options;
  }

  entitySlots(keys: Set<string | null>): string | undefined {
    for (const id of keys) {
      if (id === null) return 'the entities map holds list content';
      const value: unknown = this.maps.entities.get(id);
      const stewarded = this.stewardOnly(id, kindOf(value) ?? this.deletedKind(id));
      if (stewarded) return stewarded;
      if (value === undefined) continue;
      const slot = this.entitySlot(id, value);
      if (slot) return slot;
      const map = value as Y.Map<unknown>;
      if (!this.isNew(map._item)) continue;
      const problem = this.entityProblems(id, map)[0];
      if (problem) return problem.reason;
    }
    return undefined;
  }

  /**
   * Every problem of a whole entity map (new, or audited): each key, then its fields in their
   * current shape (migrated first when it is stored at an older version of its kind).
   */
  entityProblems(
    id: string,
    map: Y.Map<unknown>,
  ): { field?: string; reason: string; outdated?: true }[] {
    const kindName = map.get('kind') as string;
    const outdated = this.outdatedKind(kindName, map);
    const out: { field?: string; reason: string; outdated?: true }[] = [];
    for (const key of map.keys()) {
      if (outdated && isFieldKey(key)) continue;
      const reason = this.entityKey(id, kindName, map, key, true);
      if (reason) out.push({ field: key, reason });
    }
    if (outdated) out.push(...this.migratedProblems(id, outdated, map));
    else out.push(...this.missingRequired(id, map));
    return out;
  }

  /** The entity's kind when it is stored at an older (valid) version of it. */
  private outdatedKind(kindName: string, map: Y.Map<unknown>): CompiledEntityKind | undefined {
    const kind = this.options.kinds.entityKind(kindName);
    const version = map.get(VERSION_KEY) ?? 1;
    if (!kind || typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return undefined;
    return version < kindVersion(kind) ? kind : undefined;
  }

  /**
   * The problems of an outdated entity's fields once migrated to the current version: what the
   * core shows and writes back is what must be valid, so old clients keep working.
   */
  private migratedProblems(
    id: string,
    kind: CompiledEntityKind,
    map: Y.Map<unknown>,
  ): { field: string; reason: string; outdated: true }[] {
    const version = (map.get(VERSION_KEY) ?? 1) as number;
    const kindName = kind.definition.kind;
    const where = `entity "${id}" (${kindName} version ${version}, migrated)`;
    const out: { field: string; reason: string; outdated: true }[] = [];
    const stored: Record<string, FieldValue> = {};
    for (const [key, value] of map.entries() as IterableIterator<[string, unknown]>) {
      if (!isFieldKey(key)) continue;
      if (value instanceof Y.AbstractType)
        out.push({
          field: key,
          reason: `${where}: "${clip(key)}" holds ${describe(value)}; nested values are not allowed`,
          outdated: true,
        });
      else stored[key.slice(FIELD_PREFIX.length)] = value as FieldValue;
    }
    if (out.length > 0) return out;
    const fields = migrateFields(kind.definition, stored, version);
    for (const [name, value] of Object.entries(fields)) {
      const field = kind.fields.get(name);
      const reason = field
        ? this.fieldValue(where, field, value)
        : `${where}: "${clip(name)}" is not a field of ${kindName}`;
      if (reason) out.push({ field: FIELD_PREFIX + name, reason, outdated: true });
    }
    for (const [name, field] of kind.fields) {
      if (field.definition.required && fields[name] === undefined)
        out.push({
          field: FIELD_PREFIX + name,
          reason: `${where}: ${field.definition.label} is required`,
          outdated: true,
        });
    }
    // A migration could make an old value a steward role, which only owners give.
    const { sender } = this.options;
    if (
      sender &&
      !sender.owner &&
      kindName === MEMBER_KIND &&
      (isStewardRole(fields.role) || isStewardRole(this.migratedRoleBefore(kind, map)))
    )
      out.push({
        field: `${FIELD_PREFIX}role`,
        reason: `${where}: only an owner changes a coordinator or facilitator stored at an older version`,
        outdated: true,
      });
    return out;
  }

  /** A member's role before this transaction, migrated the way its stored version says. */
  private migratedRoleBefore(kind: CompiledEntityKind, map: Y.Map<unknown>): unknown {
    const before: Record<string, FieldValue> = {};
    for (const key of map._map.keys()) {
      if (!isFieldKey(key)) continue;
      const value = this.valueBefore(map._map.get(key));
      if (value !== undefined) before[key.slice(FIELD_PREFIX.length)] = value as FieldValue;
    }
    const version = this.valueBefore(map._map.get(VERSION_KEY)) ?? 1;
    if (typeof version !== 'number' || version > kindVersion(kind)) return undefined;
    return migrateFields(kind.definition, before, version).role;
  }

  /** What makes the value under entity key `id` no entity at all (for a new one: its shape). */
  entitySlot(id: string, value: unknown): string | undefined {
    if (!entityIdSchema.safeParse(id).success)
      return `entity id "${clip(id)}" is not 1-64 letters, digits, _ or -`;
    if (!(value instanceof Y.Map)) return `entity "${id}" holds ${describe(value)}, not an entity`;
    if (!this.isNew(value._item)) return undefined;
    const kindName = value.get('kind');
    if (typeof kindName !== 'string') return `entity "${id}" has no kind`;
    if (!this.options.kinds.entityKind(kindName))
      return `entity "${id}": unknown entity kind "${clip(kindName)}"${storedAs(kindName)}`;
    if (value.get('title') === undefined) return `entity "${id}" has no title`;
    if (value.get('created') === undefined || value.get('updated') === undefined)
      return `entity "${id}" has no created/updated stamps`;
    return undefined;
  }

  /** The required fields of a complete entity that it lacks. */
  missingRequired(id: string, map: Y.Map<unknown>): { field: string; reason: string }[] {
    const kind = this.options.kinds.entityKind(map.get('kind') as string);
    const out: { field: string; reason: string }[] = [];
    for (const [name, field] of kind?.fields ?? []) {
      if (field.definition.required && map.get(FIELD_PREFIX + name) === undefined)
        out.push({
          field: FIELD_PREFIX + name,
          reason: `entity "${id}": ${field.definition.label} is required`,
        });
    }
    return out;
  }

  nested(type: Y.AbstractType<unknown>, keys: Set<string | null>): string | undefined {
    const item = type._item;
    if (item?.deleted) return undefined;
    if (type instanceof Y.Map && item?.parent === this.maps.entities && item.parentSub) {
      return this.entityKeys(item.parentSub, type, keys);
    }
    if (!item) {
      const name = [...(type.doc?.share ?? [])].find(([, t]) => t === type)?.[0] ?? '?';
      return `the graph document has no "${clip(name)}"; it holds entities, relations and settings`;
    }
    return 'values nested inside an entity, relation or setting are not allowed';
  }

  private entityKeys(
    id: string,
    map: Y.Map<unknown>,
    keys: Set<string | null>,
  ): string | undefined {
    const kindName = map.get('kind');
    const stewarded = this.stewardOnly(id, typeof kindName === 'string' ? kindName : undefined);
    if (stewarded) return stewarded;
    const outdated = typeof kindName === 'string' ? this.outdatedKind(kindName, map) : undefined;
    for (const key of keys) {
      if (key === null) return `entity "${id}" holds list content`;
      if (key === 'kind') return `entity "${id}": an entity's kind cannot change`;
      if (typeof kindName !== 'string') return `entity "${id}" has no kind`;
      if (outdated && isFieldKey(key)) continue;
      const problem = this.entityKey(id, kindName, map, key, false);
      if (problem) return problem;
    }
    if (outdated) return this.migratedProblems(id, outdated, map)[0]?.reason;
    if (keys.has(VERSION_KEY) && typeof kindName === 'string') {
      // Written at a new version (an upgrade): every field it kept must fit that version.
      for (const key of map.keys()) {
        if (!isFieldKey(key) || keys.has(key)) continue;
        const problem = this.entityKey(id, kindName, map, key, false);
        if (problem) return problem;
      }
      return this.missingRequired(id, map)[0]?.reason;
    }
    return undefined;
  }

  entityKey(
    id: string,
    kindName: string,
    map: Y.Map<unknown>,
    key: string,
    creating: boolean,
  ): string | undefined {
    const value: unknown = map.get(key);
    const where = `entity "${id}"`;
    if (value instanceof Y.AbstractType)
      return `${where}: "${clip(key)}" holds ${describe(value)}; nested values are not allowed`;
    if (key === 'kind') return undefined;
    if (key === 'title') {
      if (value === undefined) return `${where}: the title cannot be removed`;
      const parsed = titleSchema.safeParse(value);
      return parsed.success && parsed.data === value
        ? undefined
        : `${where}: the title ${reason(parsed, value)}`;
    }
    if (key === 'created' || key === 'updated') {
      if (value === undefined) return `${where}: the ${key} stamp cannot be removed`;
      if (key === 'created' && !creating && !this.heldBefore(map._map.get(key), value))
        return `${where}: the created stamp cannot change`;
      return this.stamp(`${where}: ${key}`, value, map._map.get(key), creating ? map._item : null);
    }
    if (key === 'document')
      return value === undefined || value === true
        ? undefined
        : `${where}: "document" is true or absent`;
    if (key === VERSION_KEY) return this.version(where, kindName, value);
    if (!key.startsWith(FIELD_PREFIX) || ENTITY_KEYS.has(key))
      return `${where}: "${clip(key)}" is not part of an entity`;
    const name = key.slice(FIELD_PREFIX.length);
    const kind = this.options.kinds.entityKind(kindName);
    if (!kind) return `${where}: unknown entity kind "${clip(kindName)}"`;
    const field = kind.fields.get(name);
    // Removing what is no field of the kind (an upgrade drops old fields) only makes it valid.
    if (!field)
      return value === undefined
        ? undefined
        : `${where}: "${clip(name)}" is not a field of ${kindName}`;
    const steward = this.stewardField(where, kindName, name, map, key);
    if (steward) return steward;
    if (value === undefined)
      return field.definition.required
        ? `${where}: ${field.definition.label} is required`
        : undefined;
    return this.fieldValue(where, field, value);
  }

  /** The stored kind version: absent (1) or an integer from 1 to the kind's current version. */
  private version(where: string, kindName: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const kind = this.options.kinds.entityKind(kindName);
    if (!kind) return `${where}: unknown entity kind "${clip(kindName)}"`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      return `${where}: the version is a whole number from 1`;
    if (value > kindVersion(kind))
      return `${where}: written at ${kindName} version ${value}, newer than the server's ${kindVersion(kind)} (update the plugin)`;
    return undefined;
  }

  /** What is wrong with `value` as the value of `field`, if anything. */
  private fieldValue(where: string, field: CompiledField, value: unknown): string | undefined {
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) return `${where}: ${field.definition.label} ${reason(parsed, value)}`;
    if (field.definition.type === 'entityRef') {
      const target = value as string;
      if (!this.maps.entities._map.has(target))
        return `${where}: ${field.definition.label} refers to no entity "${target}"`;
      const targetKind = kindOf(this.maps.entities.get(target));
      const allowed = field.definition.refKinds;
      if (targetKind && allowed && !allowed.includes(targetKind))
        return `${where}: ${field.definition.label} must be a ${allowed.join(' or ')}, not a ${targetKind}`;
    }
    return undefined;
  }

  /**
   * Who is a coordinator or facilitator decides who reads everyone's activity, so only an owner
   * may give or take that role, or change such a member's email (which links an account to them).
   */
  private stewardField(
    where: string,
    kindName: string,
    name: string,
    map: Y.Map<unknown>,
    key: string,
  ): string | undefined {
    const { sender } = this.options;
    if (!sender || sender.owner || kindName !== MEMBER_KIND) return undefined;
    const roleNow = map.get(`${FIELD_PREFIX}role`);
    if (name === 'role') {
      if (isStewardRole(roleNow) || isStewardRole(this.valueBefore(map._map.get(key))))
        return `${where}: only an owner makes or unmakes a coordinator or facilitator`;
    } else if (name === 'email' && isStewardRole(roleNow)) {
      return `${where}: only an owner changes the email of a coordinator or facilitator`;
    }
    return undefined;
  }

  /** The value a map key held before this transaction (undefined when it held none). */
  private valueBefore(item: Y.Item | undefined): unknown {
    for (let it = item ?? null; it; it = it.left) {
      if (it.parentSub !== item?.parentSub || this.isNew(it)) continue;
      // The newest item from before the transaction: the value then, unless it was already gone.
      if (it.deleted && !(this.tr && Y.isDeleted(this.tr.deleteSet, it.id))) return undefined;
      const content = it.content.getContent();
      return content[content.length - 1];
    }
    return undefined;
  }

  relations(keys: Set<string | null>): string | undefined {
    for (const key of keys) {
      if (key === null) return 'the relations map holds list content';
      const value: unknown = this.maps.relations.get(key);
      const ends = parseRelationId(key);
      const from = ends?.from;
      // Deleting an entity removes the relations to it: anyone may delete a domain the
      // community concerns, and the relation goes with it.
      const endGone = value === undefined && ends && !this.maps.entities.has(ends.to);
      if (from && !endGone) {
        const stewarded = this.stewardOnly(
          from,
          kindOf(this.maps.entities.get(from)) ?? this.deletedKind(from),
          'a relation from ',
        );
        if (stewarded) return stewarded;
      }
      if (value === undefined || !this.isNew(this.maps.relations._map.get(key))) continue;
      const problem = this.relation(key, value);
      if (problem) return problem;
    }
    return undefined;
  }

  /** What is wrong with the relation `value` under `key`, if anything. */
  relation(key: string, value: unknown): string | undefined {
    const item = this.maps.relations._map.get(key);
    const where = `relation "${clip(key)}"`;
    if (!relationIdSchema.safeParse(key).success) return `${where}: the key is not from|type|to`;
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      value instanceof Y.AbstractType
    )
      return `${where} holds ${describe(value)}, not a relation`;
    const {
      by,
      at,
      attrs,
      doc,
      [RELATION_VERSION_KEY]: version,
      ...rest
    } = value as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0)
      return `${where}: "${clip(extra[0] as string)}" is not part of a relation`;
    if (JSON.stringify(value).length > MAX_VALUE_JSON) return `${where} is too large`;
    if (attrs !== undefined && !relationAttributesSchema.safeParse(attrs).success)
      return `${where}: attributes are strings, numbers, booleans or null`;
    if (doc !== undefined && !entityIdSchema.safeParse(doc).success)
      return `${where}: doc is an entity id`;
    const stampProblem = this.stamp(where, { by, at }, item, null);
    if (stampProblem) return stampProblem;
    const ends = parseRelationId(key) as NonNullable<ReturnType<typeof parseRelationId>>;
    if (ends.from === ends.to) return `${where}: a relation joins two different entities`;
    const definition = this.options.kinds.relationKind(ends.type);
    if (!definition)
      return `${where}: unknown relation kind "${clip(ends.type)}"${storedAs(ends.type)}`;
    // Like an entity's: an older version is read migrated (old clients keep working), a newer
    // one is refused.
    if (version !== undefined) {
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
        return `${where}: the version is a whole number from 1`;
      if (version > relationKindVersion(definition))
        return `${where}: written at ${ends.type} version ${version}, newer than the server's ${relationKindVersion(definition)} (update the plugin)`;
    }
    for (const end of [ends.from, ends.to]) {
      // An end deleted concurrently leaves the relation dangling, which every reader hides.
      if (!this.maps.entities._map.has(end)) return `${where}: no entity "${end}"`;
    }
    const fromKind = kindOf(this.maps.entities.get(ends.from));
    const toKind = kindOf(this.maps.entities.get(ends.to));
    if (fromKind && toKind) {
      try {
        this.options.kinds.checkRelation(ends.type, fromKind, toKind);
      } catch (error) {
        if (error instanceof ValidationError) return `${where}: ${error.message}`;
        throw error;
      }
    }
    return undefined;
  }

  settings(keys: Set<string | null>): string | undefined {
    for (const key of keys) {
      if (key === null) return 'the settings map holds list content';
      const value: unknown = this.maps.settings.get(key);
      if (value === undefined) continue;
      const problem = this.setting(key, value);
      if (problem) return problem;
    }
    return undefined;
  }

  /** What is wrong with the workspace setting `value` under `key`, if anything. */
  setting(key: string, value: unknown): string | undefined {
    const where = `setting "${clip(key)}"`;
    if (key === 'name') {
      const parsed = workspaceSettingsSchema.shape.name.safeParse(value);
      if (!parsed.success || typeof value !== 'string') return `${where} ${reason(parsed, value)}`;
    } else if (key === 'pluginsChangedAt') {
      if (!workspaceSettingsSchema.shape.pluginsChangedAt.safeParse(value).success)
        return `${where} is a time in milliseconds`;
    } else if (key.startsWith('enabled:')) {
      if (typeof value !== 'boolean') return `${where} is true or false`;
    } else if (key.startsWith('plugin:')) {
      if (value instanceof Y.AbstractType || !pluginSettingsSchema.safeParse(value).success)
        return `${where} holds JSON values by name`;
      if (JSON.stringify(value).length > MAX_VALUE_JSON) return `${where} is too large`;
    } else return `${where} is not a workspace setting`;
    return undefined;
  }

  /**
   * A stamp must be `{by, at}` naming the sender at a credible time, unless it is a value the key
   * (or, for a new entity, an earlier entity under the same id) held before: undo restores those.
   */
  private stamp(
    where: string,
    value: unknown,
    item: Y.Item | undefined,
    entityItem: Y.Item | null,
  ): string | undefined {
    const v = value as { by?: unknown; at?: unknown };
    if (typeof v !== 'object' || v === null || typeof v.by !== 'string' || typeof v.at !== 'number')
      return `${where} is not a {by, at} stamp`;
    const { sender, now, clockSkewMs } = this.options;
    const keys = Object.keys(v);
    if (keys.some((k) => k !== 'by' && k !== 'at')) return `${where} holds more than {by, at}`;
    if (!sender) return undefined;
    if (
      v.by === sender.userId &&
      Number.isInteger(v.at) &&
      v.at <= now + clockSkewMs &&
      v.at >= sender.notBefore - clockSkewMs
    )
      return undefined;
    if (this.heldBefore(item, v)) return undefined;
    if (
      entityItem &&
      this.earlierEntityHeld(entityItem, where.endsWith('created') ? 'created' : 'updated', v)
    )
      return undefined;
    return v.by === sender.userId
      ? `${where}: the time ${v.at} is not now`
      : `${where} names another member; stamps name who sends the update`;
  }

  /** Whether an earlier item of the same key (deleted now) held `value`. */
  private heldBefore(item: Y.Item | undefined, value: unknown): boolean {
    let steps = 0;
    for (let left = item?.left ?? null; left && steps < MAX_HISTORY; left = left.left, steps++) {
      if (left.parentSub !== item?.parentSub) continue;
      for (const old of left.content.getContent()) if (sameStamp(old, value)) return true;
    }
    return false;
  }

  /** Whether an earlier entity map under the same id had `value` as its `key` stamp. */
  private earlierEntityHeld(entityItem: Y.Item, key: string, value: unknown): boolean {
    let steps = 0;
    for (let left = entityItem.left; left && steps < MAX_HISTORY; left = left.left, steps++) {
      if (left.parentSub !== entityItem.parentSub) continue;
      for (const old of left.content.getContent()) {
        if (!(old instanceof Y.Map)) continue;
        const stamp = old._map.get(key);
        if (!stamp) continue;
        for (const s of stamp.content.getContent()) if (sameStamp(s, value)) return true;
        if (this.heldBefore(stamp, value)) return true;
      }
    }
    return false;
  }

  /**
   * Why the sender may not touch entity `id` of kind `kindName` (or a relation starting there):
   * its kind is `editableBy: 'stewards'` and the sender is no steward. Only updates are asked
   * (an audit of stored data has no sender).
   */
  private stewardOnly(id: string, kindName: string | undefined, what = ''): string | undefined {
    const sender = this.options.sender;
    if (!sender || !kindName) return undefined;
    const kind = this.options.kinds.entityKind(kindName);
    if (kind?.definition.editableBy !== 'stewards') return undefined;
    if (sender.isSteward?.()) return undefined;
    return `${what}${kind.definition.label.toLowerCase()} "${clip(id)}": only owners, coordinators and facilitators may change it`;
  }

  /** The kind an entity had before it was deleted (the document keeps deleted content). */
  private deletedKind(id: string): string | undefined {
    const item = this.maps.entities._map.get(id);
    const type = (item?.content as { type?: unknown } | undefined)?.type;
    if (!(type instanceof Y.Map)) return undefined;
    const kind = (type._map.get('kind') as Y.Item | undefined)?.content.getContent()[0];
    return typeof kind === 'string' ? kind : undefined;
  }

  private isNew(item: Y.Item | null | undefined): boolean {
    if (!this.tr) return true;
    if (!item) return false;
    return item.id.clock >= (this.tr.beforeState.get(item.id.client) ?? 0);
  }
}

function sameStamp(a: unknown, b: unknown): boolean {
  const x = a as { by?: unknown; at?: unknown } | null;
  const y = b as { by?: unknown; at?: unknown } | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof y === 'object' &&
    y !== null &&
    x.by === y.by &&
    x.at === y.at
  );
}

/** A hint for a built-in's qualified name, which is stored by its short one. */
function storedAs(name: string): string {
  const short = storedKindName(name);
  return short === name ? '' : ` (a built-in's kind is stored by its short name, "${short}")`;
}

function isFieldKey(key: string): boolean {
  return key.startsWith(FIELD_PREFIX);
}

function kindOf(value: unknown): string | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const kind = value.get('kind');
  return typeof kind === 'string' ? kind : undefined;
}

function reason(
  parsed: { success: boolean; error?: { issues: { message: string }[] } },
  value: unknown,
): string {
  if (typeof value === 'string' && value.length > 1000)
    return `is too long (${value.length} characters)`;
  const message = parsed.error?.issues[0]?.message;
  return message ? `is invalid: ${message}` : 'is invalid';
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
