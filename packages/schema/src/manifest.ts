import { z } from 'zod';
import { entityKindDefinitionSchema } from './entityKind.ts';
import { entityKindNameSchema, relationTypeSchema } from './ids.ts';
import { KIND_NAME_PATTERN } from './kindName.ts';
import { relationKindDefinitionSchema } from './relationKind.ts';

// The plugin manifest: the `repertoire` field of a plugin's package.json. Everything here is data
// the host reads without running plugin code, so menus, the command palette, entity kinds and graph
// styles exist before a plugin activates (VS Code's `contributes`).

const dotted = /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/;
const semverVersion = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
// A shallow check that the range is made of semver comparators; the host parses it with `semver`.
const semverRange = /^[\s\d.xX*^~<>=|-]+[0-9A-Za-z.\s*xX^~<>=|-]*$/;
/** A CSS colour: hex, rgb()/hsl(), a custom property or a named colour. */
export const cssColour = /^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([^)]*\)|var\(--[a-zA-Z0-9-]+\)|[a-z]+)$/;

/** The permissions a plugin may ask for; the host refuses every call the manifest did not declare. */
export const pluginPermissionSchema = z.enum([
  'graph.read',
  'graph.write',
  'documents.read',
  'documents.write',
  'network',
  /** Open files the member picks and offer files for download (importers, exporters). */
  'files',
  'activity.read',
  'healthChecks.read',
  'healthChecks.write',
  /** The workspace's accounts with their roles and who is here now (since API 1.4). */
  'members.read',
  /** Change roles, remove members, make and revoke invitation links; the server still lets only owners (since API 1.4). */
  'members.manage',
]);
/** One permission from {@link pluginPermissionSchema}. */
export type PluginPermission = z.infer<typeof pluginPermissionSchema>;

/**
 * An origin a plugin with the `network` permission may connect to: scheme, host and optional port,
 * nothing more (`https://api.example.org`, `wss://live.example.org:8443`). The sandbox's
 * Content-Security-Policy allows exactly these, so a path or wildcard would be a false promise.
 */
export const networkOriginSchema = z
  .string()
  .regex(
    /^(https?|wss?):\/\/(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(:\d{1,5})?$/,
    'an origin such as https://api.example.org (scheme, host, optional port; no path, no wildcard)',
  );

/**
 * When the host activates a plugin: at start, when one of its commands runs, when one of its views
 * opens, or when an entity of a kind is first seen or opened.
 */
export const activationEventSchema = z.union([
  z.literal('onStartup'),
  z.templateLiteral(['onCommand:', z.string().regex(dotted)]),
  z.templateLiteral(['onView:', z.string().regex(dotted)]),
  z.templateLiteral(['onEntityKind:', z.string().regex(new RegExp(`^${KIND_NAME_PATTERN}$`))]),
  // Since API 1.4: when the member runs one of the plugin's analyses.
  z.templateLiteral(['onAnalysis:', z.string().regex(dotted)]),
]);
/** One activation event, e.g. `onCommand:community.addMember`. */
export type ActivationEvent = z.infer<typeof activationEventSchema>;

/** An entity kind a plugin contributes (registered into the workspace when the plugin is enabled). */
export const manifestEntityKindSchema = entityKindDefinitionSchema;

/** A relation kind a plugin contributes: its type, label and the kinds it may join. */
export const manifestRelationKindSchema = relationKindDefinitionSchema;

/** A command shown in the palette and menus before its plugin runs. */
export const manifestCommandSchema = z.strictObject({
  id: z.string().regex(dotted, 'a command id is dotted, e.g. community.addMember'),
  title: z.string().min(1),
  category: z.string().min(1).optional(),
  icon: z.string().min(1).optional(),
});

/** A view: a side bar section, a panel tab, an editor-area tab, or a section of the home page. */
export const manifestViewSchema = z.strictObject({
  id: z.string().regex(dotted, 'a view id is dotted, e.g. community.members'),
  name: z.string().min(1),
  /** `home`: a section of the community's home page (see docs/plugins.md, "Home sections"). */
  location: z.enum(['sidebar', 'panel', 'editor', 'home']),
  icon: z.string().min(1).optional(),
  when: z.string().min(1).optional(),
  /** Place in the activity bar or panel, lower first (the Explorer is 0); default after the shell's. */
  order: z.number().int().min(0).optional(),
  /**
   * An editor view gets an activity bar button unless this is `false` (since API 1.3): a page
   * reached from the home page and the palette can leave the bar, whose first ten buttons have keys.
   */
  activityBar: z.boolean().optional(),
  /**
   * An editor view that opens when the workspace opens, in place of its most connected entity
   * (since API 1.3): the community's home page. With several, the lowest `order` wins.
   */
  startPage: z.boolean().optional(),
});

/** Where a command appears: the palette, an entity's context menu, a view's title bar. */
export const manifestMenuItemSchema = z.strictObject({
  command: z.string().regex(dotted),
  when: z.string().min(1).optional(),
  group: z.string().min(1).optional(),
});

/** A key chord bound to a command, e.g. `ctrl+alt+m`. */
export const manifestKeybindingSchema = z.strictObject({
  command: z.string().regex(dotted),
  key: z.string().regex(/^([a-z]+\+)*[a-z0-9`\-=[\];',./]+$/i, 'a key chord such as ctrl+alt+m'),
  mac: z.string().min(1).optional(),
  when: z.string().min(1).optional(),
});

/** A setting with its type and default, shown in the settings editor. */
export const manifestSettingSchema = z
  .strictObject({
    key: z.string().regex(dotted, 'a setting key is dotted, e.g. meetings.defaultCadence'),
    type: z.enum(['string', 'number', 'boolean', 'enum']),
    default: z.union([z.string(), z.number(), z.boolean()]),
    description: z.string().min(1),
    options: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    const ok =
      s.type === 'enum'
        ? typeof s.default === 'string' && (s.options ?? []).includes(s.default)
        : typeof s.default === s.type;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `the default must be a ${s.type === 'enum' ? 'one of options' : s.type}`,
      });
    if (s.type === 'enum' && !s.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'an enum setting lists options' });
  });

/** How the graph draws an entity kind or a relation type. */
export const manifestGraphStyleSchema = z
  .strictObject({
    kind: entityKindNameSchema.optional(),
    relation: relationTypeSchema.optional(),
    colour: z.string().regex(cssColour, 'a CSS colour such as #2a6f97'),
    shape: z
      .enum(['ellipse', 'round-rectangle', 'rectangle', 'diamond', 'hexagon', 'triangle', 'star'])
      .optional(),
    icon: z.string().min(1).optional(),
    size: z.number().positive().max(200).optional(),
    lineStyle: z.enum(['solid', 'dashed', 'dotted']).optional(),
  })
  .refine((s) => (s.kind === undefined) !== (s.relation === undefined), {
    message: 'a graph style names exactly one of kind or relation',
  });

/** An importer: turns a file into entities and relations through a command. */
export const manifestImporterSchema = z.strictObject({
  id: z.string().regex(dotted),
  label: z.string().min(1),
  extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/, 'an extension such as .csv')).min(1),
  command: z.string().regex(dotted),
});

/** An exporter: writes the graph (or part of it) to a file through a command. */
export const manifestExporterSchema = z.strictObject({
  id: z.string().regex(dotted),
  label: z.string().min(1),
  extension: z.string().regex(/^\.[a-z0-9]+$/, 'an extension such as .csv'),
  command: z.string().regex(dotted),
});

/**
 * An analysis (participation, brokers, gaps…): the plugin implements it with
 * `context.analyses.registerAnalysis(id, …)` (API 1.4) and the member runs it with "Analyses: Run an
 * analysis…", which shows the result in a tab. `view` and `command` are kept for older manifests.
 */
export const manifestAnalysisSchema = z.strictObject({
  id: z.string().regex(dotted),
  label: z.string().min(1),
  description: z.string().min(1).optional(),
  view: z.string().regex(dotted).optional(),
  command: z.string().regex(dotted).optional(),
});

/** Everything a plugin adds, as data. */
export const manifestContributionsSchema = z.strictObject({
  entityKinds: z.array(manifestEntityKindSchema).optional(),
  relationKinds: z.array(manifestRelationKindSchema).optional(),
  commands: z.array(manifestCommandSchema).optional(),
  views: z.array(manifestViewSchema).optional(),
  menus: z
    .record(z.string().regex(/^[a-z][a-zA-Z/]*$/), z.array(manifestMenuItemSchema))
    .optional(),
  keybindings: z.array(manifestKeybindingSchema).optional(),
  settings: z.array(manifestSettingSchema).optional(),
  graphStyles: z.array(manifestGraphStyleSchema).optional(),
  importers: z.array(manifestImporterSchema).optional(),
  exporters: z.array(manifestExporterSchema).optional(),
  analyses: z.array(manifestAnalysisSchema).optional(),
});

/** The `repertoire` field of a plugin's package.json. */
export const pluginManifestSchema = z.strictObject({
  id: z.string().regex(dotted, 'the id is publisher.name, e.g. repertoire.community'),
  displayName: z.string().min(1),
  description: z.string().optional(),
  version: z.string().regex(semverVersion, 'a semver version such as 1.0.0'),
  engines: z.strictObject({
    repertoire: z.string().regex(semverRange, 'a semver range of the plugin API such as ^1.0.0'),
  }),
  main: z
    .string()
    .regex(
      /^\.?\.?\/?[\w./-]+\.(m?js|ts)$/,
      'a relative path to an ES module, e.g. ./dist/index.js',
    ),
  activationEvents: z.array(activationEventSchema).default([]),
  dependencies: z.array(z.string().regex(dotted)).default([]),
  permissions: z.array(pluginPermissionSchema).default([]),
  /** With the `network` permission: the only origins the plugin's sandbox may connect to. */
  networkOrigins: z.array(networkOriginSchema).default([]),
  contributes: manifestContributionsSchema.default({}),
});

/** A validated plugin manifest (defaults applied). */
export type PluginManifest = z.infer<typeof pluginManifestSchema>;
/** A manifest as written in package.json, before defaults. */
export type PluginManifestInput = z.input<typeof pluginManifestSchema>;
/** Contributed entity kind, as declared. */
export type ManifestEntityKind = z.infer<typeof manifestEntityKindSchema>;
/** Contributed relation kind, as declared. */
export type ManifestRelationKind = z.infer<typeof manifestRelationKindSchema>;
/** Contributed command, as declared. */
export type ManifestCommand = z.infer<typeof manifestCommandSchema>;
/** Contributed view, as declared. */
export type ManifestView = z.infer<typeof manifestViewSchema>;
/** Contributed menu item, as declared. */
export type ManifestMenuItem = z.infer<typeof manifestMenuItemSchema>;
/** Contributed keybinding, as declared. */
export type ManifestKeybinding = z.infer<typeof manifestKeybindingSchema>;
/** Contributed setting, as declared. */
export type ManifestSetting = z.infer<typeof manifestSettingSchema>;
/** Contributed graph style, as declared. */
export type ManifestGraphStyle = z.infer<typeof manifestGraphStyleSchema>;
/** Contributed importer, as declared. */
export type ManifestImporter = z.infer<typeof manifestImporterSchema>;
/** Contributed exporter, as declared. */
export type ManifestExporter = z.infer<typeof manifestExporterSchema>;
/** Contributed analysis, as declared. */
export type ManifestAnalysis = z.infer<typeof manifestAnalysisSchema>;
/** Everything a plugin contributes. */
export type ManifestContributions = z.infer<typeof manifestContributionsSchema>;
