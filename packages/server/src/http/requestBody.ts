import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { parseInput } from '../store/validate.ts';
import { readJson } from './httpIO.ts';

/** The largest ordinary JSON body; imports have their own limit. */
export const BODY_LIMIT = 1024 * 1024;

/** Reads a JSON body of at most `limit` bytes and checks it against `schema` (see `parseInput`). */
export async function readBody<S extends z.ZodType>(
  request: IncomingMessage,
  schema: S,
  limit = BODY_LIMIT,
): Promise<z.output<S>> {
  return parseInput(schema, await readJson(request, limit));
}
