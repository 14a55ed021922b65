/** A value that survives `structuredClone` and JSON: what may cross the Worker boundary. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** An object of {@link JsonValue}s, e.g. an entity's fields. */
export type JsonObject = { [key: string]: JsonValue };
