import type { z } from 'zod';
import { isBuiltInPluginId, kindNamespaceProblem, splitKindName } from './kindName.ts';
import { cssColour, type PluginManifest, pluginManifestSchema } from './manifest.ts';

/** The outcome of reading a manifest: the manifest, or every problem with the field it is in. */
export type ManifestResult =
  | { ok: true; manifest: PluginManifest }
  | { ok: false; errors: ManifestError[] };

/** One problem in a manifest; `field` is a path such as `contributes.commands[0].id`. */
export interface ManifestError {
  field: string;
  message: string;
}

const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  ) || '(manifest)';

const fromIssues = (issues: readonly z.core.$ZodIssue[], prefix: string): ManifestError[] =>
  issues.map((issue) => {
    const field = fieldPath([...(prefix ? [prefix] : []), ...issue.path]);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}`
        : issue.message;
    return { field, message };
  });

/**
 * Checks that every command a menu, keybinding, importer, exporter or entity kind names is
 * contributed.
 */
function crossReferenceErrors(m: PluginManifest): ManifestError[] {
  const errors: ManifestError[] = [];
  const c = m.contributes;
  const commands = new Set((c.commands ?? []).map((cmd) => cmd.id));
  const seen = new Set<string>();
  (c.commands ?? []).forEach((cmd, i) => {
    if (seen.has(cmd.id))
      errors.push({ field: `contributes.commands[${i}].id`, message: `duplicate ${cmd.id}` });
    seen.add(cmd.id);
  });
  const check = (field: string, command: string | undefined) => {
    if (command !== undefined && !commands.has(command))
      errors.push({ field, message: `names ${command}, which contributes.commands does not list` });
  };
  for (const [menu, items] of Object.entries(c.menus ?? {}))
    for (const [i, item] of items.entries())
      check(`contributes.menus.${menu}[${i}].command`, item.command);
  for (const [i, k] of (c.keybindings ?? []).entries())
    check(`contributes.keybindings[${i}].command`, k.command);
  for (const [i, k] of (c.importers ?? []).entries())
    check(`contributes.importers[${i}].command`, k.command);
  for (const [i, k] of (c.exporters ?? []).entries())
    check(`contributes.exporters[${i}].command`, k.command);
  for (const [i, k] of (c.analyses ?? []).entries())
    check(`contributes.analyses[${i}].command`, k.command);
  for (const [i, k] of (c.entityKinds ?? []).entries())
    check(`contributes.entityKinds[${i}].openCommand`, k.openCommand);
  m.activationEvents.forEach((event, i) => {
    if (event.startsWith('onCommand:')) check(`activationEvents[${i}]`, event.slice(10));
  });
  const views = new Set((c.views ?? []).map((v) => v.id));
  m.activationEvents.forEach((event, i) => {
    if (event.startsWith('onView:') && !views.has(event.slice(7)))
      errors.push({
        field: `activationEvents[${i}]`,
        message: `names view ${event.slice(7)}, which contributes.views does not list`,
      });
  });
  for (const [i, kind] of (c.entityKinds ?? []).entries())
    if (!cssColour.test(kind.colour))
      errors.push({
        field: `contributes.entityKinds[${i}].colour`,
        message: 'a CSS colour such as #2a6f97',
      });
  if (m.networkOrigins.length > 0 && !m.permissions.includes('network'))
    errors.push({
      field: 'networkOrigins',
      message: 'lists origins but permissions lacks "network"; add it or remove the origins',
    });
  if (m.dependencies.includes(m.id))
    errors.push({ field: 'dependencies', message: 'a plugin cannot depend on itself' });
  return [...errors, ...namespaceErrors(m)];
}

/**
 * Kinds and relation types are namespaced by plugin (see `kindName.ts`): a built-in's are short,
 * every other plugin's carry its id. A third-party plugin naming one of its own kinds by the short
 * name (in a relation's ends, a reference field, a graph style, an activation event) would mean a
 * built-in's kind instead, so that is refused too, with the name it meant.
 */
function namespaceErrors(m: PluginManifest): ManifestError[] {
  const errors: ManifestError[] = [];
  const c = m.contributes;
  const own = (field: string, name: string, what: string) => {
    const problem = kindNamespaceProblem(m.id, name, what);
    if (problem) errors.push({ field, message: problem });
  };
  (c.entityKinds ?? []).forEach((k, i) => {
    own(`contributes.entityKinds[${i}].kind`, k.kind, 'entity kind');
  });
  (c.relationKinds ?? []).forEach((k, i) => {
    own(`contributes.relationKinds[${i}].type`, k.type, 'relation type');
  });
  if (isBuiltInPluginId(m.id)) return errors;
  const ownKinds = new Set((c.entityKinds ?? []).map((k) => splitKindName(k.kind).name));
  const ownTypes = new Set((c.relationKinds ?? []).map((k) => splitKindName(k.type).name));
  const reference = (field: string, name: string, mine: ReadonlySet<string>) => {
    if (splitKindName(name).plugin === undefined && mine.has(name))
      errors.push({
        field,
        message: `names "${name}", a built-in's short name; this plugin's own is "${m.id}/${name}"`,
      });
  };
  (c.relationKinds ?? []).forEach((k, i) => {
    for (const end of ['from', 'to'] as const)
      k[end].forEach((kind, j) => {
        reference(`contributes.relationKinds[${i}].${end}[${j}]`, kind, ownKinds);
      });
  });
  (c.entityKinds ?? []).forEach((k, i) => {
    k.fields.forEach((f, j) => {
      (f.refKinds ?? []).forEach((kind, n) => {
        reference(`contributes.entityKinds[${i}].fields[${j}].refKinds[${n}]`, kind, ownKinds);
      });
    });
  });
  (c.graphStyles ?? []).forEach((s, i) => {
    if (s.kind !== undefined) reference(`contributes.graphStyles[${i}].kind`, s.kind, ownKinds);
    if (s.relation !== undefined)
      reference(`contributes.graphStyles[${i}].relation`, s.relation, ownTypes);
  });
  m.activationEvents.forEach((event, i) => {
    if (event.startsWith('onEntityKind:'))
      reference(`activationEvents[${i}]`, event.slice('onEntityKind:'.length), ownKinds);
  });
  return errors;
}

/**
 * Validates a manifest object (the `repertoire` field). Never throws; a bad manifest yields every
 * error, each naming its field.
 */
export function parseManifest(raw: unknown): ManifestResult {
  return validate(raw, '');
}

/**
 * Validates a plugin's whole package.json: it must carry a `repertoire` field, whose errors are
 * reported as `repertoire.<field>`.
 */
export function parsePluginPackage(packageJson: unknown): ManifestResult {
  if (typeof packageJson !== 'object' || packageJson === null)
    return { ok: false, errors: [{ field: '(package.json)', message: 'is not an object' }] };
  if (!('repertoire' in packageJson))
    return {
      ok: false,
      errors: [{ field: 'repertoire', message: 'missing: a plugin declares its manifest here' }],
    };
  return validate((packageJson as { repertoire: unknown }).repertoire, 'repertoire');
}

function validate(raw: unknown, prefix: string): ManifestResult {
  const parsed = pluginManifestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fromIssues(parsed.error.issues, prefix) };
  const errors = crossReferenceErrors(parsed.data).map((e) => ({
    ...e,
    field: prefix ? `${prefix}.${e.field}` : e.field,
  }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, manifest: parsed.data };
}

/** Formats manifest errors as one readable message, one `field: problem` per line. */
export function formatManifestErrors(pluginName: string, errors: readonly ManifestError[]): string {
  return `Plugin ${pluginName} has an invalid manifest:\n${errors
    .map((e) => `  ${e.field}: ${e.message}`)
    .join('\n')}`;
}
