// The public API of @repertoire/schema: zod schemas and the types inferred from them.
// First, so that zod is configured before any schema below is built.
import './zodConfig.ts';

export { type Entity, entitySchema, timestampSchema, titleSchema } from './entity.ts';
export { type EntityKindDefinition, entityKindDefinitionSchema } from './entityKind.ts';
export {
  compileField,
  type FieldDefinition,
  type FieldType,
  type FieldValidator,
  type FieldValue,
  fieldDefinitionSchema,
  fieldTypeSchema,
  fieldValueSchema,
} from './field.ts';
export {
  HEALTH_DEFAULT_THRESHOLD,
  HEALTH_ELEMENT_IDS,
  HEALTH_ELEMENTS,
  HEALTH_QUESTIONS_SOURCE,
  HEALTH_SCALE,
  type HealthAnswer,
  type HealthAnswerInput,
  type HealthCheckOverview,
  type HealthElement,
  type HealthElementId,
  type HealthElementResult,
  type HealthOwnAnswer,
  type HealthResults,
  type HealthRoundInfo,
  type HealthRoundInput,
  healthAnswerInputSchema,
  healthRoundInputSchema,
  roundQuestions,
} from './healthCheck.ts';
export {
  asEntityId,
  asUserId,
  type EntityId,
  entityIdSchema,
  entityKindNameSchema,
  parseRelationId,
  type RelationId,
  relationId,
  relationIdSchema,
  relationTypeSchema,
  type UserId,
  userIdSchema,
} from './ids.ts';
export {
  checkKindMigrations,
  checkMigrationSequence,
  type KindMigration,
  type KindMigrationStep,
  kindMigrationSchema,
  kindMigrationStepSchema,
  type MigrationIssue,
  migrateFields,
  migrateValues,
  type VersionedFields,
} from './kindMigration.ts';
export {
  BUILT_IN_PUBLISHER,
  expectedKindName,
  isBuiltInPluginId,
  KIND_NAMESPACE_SEPARATOR,
  kindNamespaceProblem,
  qualifyKindName,
  splitKindName,
  storedKindName,
} from './kindName.ts';
export * from './manifestExports.ts';
export {
  type Relation,
  type RelationAttributes,
  type RelationSource,
  relationAttributesSchema,
  relationSchema,
  relationSourceSchema,
} from './relation.ts';
export {
  ANY_KIND,
  type RelationKindDefinition,
  relationKindDefinitionSchema,
} from './relationKind.ts';
export {
  type PluginSettings,
  pluginSettingsSchema,
  type WorkspaceSettings,
  workspaceSettingsSchema,
} from './settings.ts';
export { parseOrThrow, ValidationError } from './validationError.ts';
export {
  type CheckedFormField,
  type CheckedViewContent,
  formFieldSchema,
  formValuesSchema,
  viewContentSchema,
} from './viewContent.ts';
