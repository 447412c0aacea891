import type { z } from 'zod';
import { errors, type InputIssue } from './errors';

/** Turns zod issues into the registry's `issues` list, with paths under `root` (e.g. `input`). */
export function toInputIssues(error: z.ZodError, root?: string): InputIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') path.push(...issue.keys);
    const field = [root, ...path].filter((part) => part !== undefined && part !== '').join('.');
    return { field: field || (root ?? 'input'), message: issue.message };
  });
}

/**
 * Validates input at the boundary. Throws BAD_USER_INPUT naming every bad field; on success the
 * parsed value (with defaults and transforms applied) is returned and can be trusted inside.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw errors.badUserInput(toInputIssues(result.error, root));
  return result.data;
}
