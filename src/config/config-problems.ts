import type { z } from 'zod';

/** `comments.blockedWords[2]`: dots between keys, brackets around list indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** How a received value is named in "expected string, got number". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * zod's default messages ("Invalid input: expected string, received number") reworded for an
 * operator reading a start-up error; checks with their own message keep it.
 */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') return `expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : issue.expected}, got ${kindOf(issue.input)}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
  return undefined;
};

/**
 * One line per problem, each starting with where it is: `FOLIO_CONFIG comments.blockedWords[2]:
 * expected string, got number`, `FOLIO_FLOOD_LIMIT: expected a whole number …`. An unknown key
 * is reported at its own path.
 */
export function describeIssues(source: string, issues: readonly z.core.$ZodIssue[]): string[] {
  const at = (path: readonly PropertyKey[]) => [source, formatPath(path)].filter((part) => part !== '').join(' ');
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => `${at([...issue.path, key])}: unknown key`) : [`${at(issue.path)}: ${issue.message}`],
  );
}
