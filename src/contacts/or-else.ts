import * as z from 'zod/mini';

/**
 * `z.catch(innerType, value)`: zod's catch, built as `z.catch` builds it, with the fallback as a
 * function. `z.catch` itself reaches `core.util.constantCatch`, and that one nested access keeps
 * zod's whole util namespace (about 80 helpers, 2.9 KB gzip) in the Worker's bundle. A
 * function is what `z.catch` makes of a value too (its tag matters only to zod's JIT compiler,
 * which Workers do not run). test/node/or-else.test.ts holds it to `z.catch`.
 */
export const orElse = <T extends z.ZodMiniType>(innerType: T, value: z.output<T>) =>
  new z.ZodMiniCatch({ type: 'catch', innerType, catchValue: () => value }) as z.ZodMiniCatch<T>;

/**
 * `z.coerce.number()` for what only has to pass or fail (a route's version, the query's numbers
 * under orElse): `Number(value)`, passing when it is a finite number, as zod's coercion and number
 * check decide. Without zod's number schema (and its coercions, whose namespace kept five of them),
 * which nothing else used once the claims' times were a refinement too (stop 62: the bundle's
 * budget). test/node/or-else.test.ts holds it to `z.coerce.number()`.
 */
export const coercedNumber = () =>
  z.pipe(
    z.transform((value: unknown) => {
      try {
        return Number(value);
      } catch {
        return Number.NaN;
      }
    }),
    finiteNumber(),
  );

/** `z.number()` for what only has to pass or fail: a finite number (the session's times). */
export const finiteNumber = () => z.custom<number>((value) => typeof value === 'number' && Number.isFinite(value));

/**
 * `z.pipe(z.record(z.string(), z.unknown()), z.transform(then))`, as the validators of a form's or
 * query's fields were written, without zod's record and unknown schemas (0.8 KB gzip of the
 * Worker's bundle, where nothing else used them). hono hands such a validator an object of its own
 * (strings, files, arrays), which that record never refuses: it copies the object's own enumerable
 * keys, in their order, but `__proto__`, onto an ordinary object, and so does this.
 * test/node/or-else.test.ts holds it to zod's pipe over hono's forms and queries.
 */
export const fieldsThen = <T>(then: (fields: Record<string, unknown>) => T) =>
  z.transform((sent: unknown) => then(Object.fromEntries(Object.entries(sent as object).filter(([key]) => key !== '__proto__'))));

/**
 * `coercedNumber().check(z.int(), z.minimum(least), z.maximum(most))` (`z.positive()` is a least of
 * 1 for an integer) as one refinement: the query's integers, each under orElse, where only whether
 * it passes counts. Without zod's number formats and its two comparison checks, which nothing else
 * used (0.5 KB gzip of the Worker's bundle). test/node/or-else.test.ts holds it to those checks.
 */
export const integerIn = (least: number, most = Number.MAX_SAFE_INTEGER) =>
  coercedNumber().check(z.refine((n) => Number.isSafeInteger(n) && n >= least && n <= most));

/**
 * `z.minLength(least), z.maxLength(most)` of a string or an array as one refinement, counting as
 * zod does: a string's code points (a surrogate pair one, a lone surrogate one), counted only
 * where its UTF-16 units leave it in doubt. Without zod's two length checks, which nothing else
 * used (0.3 KB gzip of the Worker's bundle): the session's claims, where only whether they pass
 * counts, and the query's texts under orElse. test/node/or-else.test.ts holds it to those checks.
 */
export const lengthIn = (least: number, most: number) =>
  z.refine<string | readonly unknown[]>((value) => {
    let length = value.length;
    if (typeof value === 'string' && (length > most || length < 2 * least)) length = [...value].length;
    return length >= least && length <= most;
  });

/**
 * `z.enum(values)` as a string with a refinement: one of the values, compared as zod compares
 * them. Without zod's enum schema, which nothing else used (0.2 KB gzip of the Worker's bundle):
 * the query's choices, each under orElse, where only whether it passes counts.
 * test/node/or-else.test.ts holds it to `z.enum`.
 */
export const oneOf = <const T extends readonly string[]>(values: T) =>
  z.string().check(z.refine((value) => values.includes(value))) as unknown as z.ZodMiniType<T[number], unknown>;

/**
 * `z.array(item)` for what only has to pass or fail: an array whose every item passes `item`,
 * each as `item` gives it back. Without zod's array schema, which nothing else used (its parse
 * of each item, their issues' paths and async work: the Worker's bundle): the session's claims.
 * test/node/or-else.test.ts holds it to `z.array`.
 */
export const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.custom<unknown[]>((value) => Array.isArray(value)),
    z.transform((list: unknown[], ctx) => {
      const items: z.output<T>[] = [];
      for (const value of list) {
        const parsed = z.safeParse(item, value);
        if (!parsed.success) {
          ctx.issues.push({ code: 'custom', input: value, message: 'item' });
          return z.NEVER;
        }
        items.push(parsed.data);
      }
      return items;
    }),
  );

/**
 * `z.regex(pattern)` as a refinement: whether a string matches, tested as zod tests it (from the
 * start: `lastIndex` 0). Without zod's regex and string-format checks, which nothing else used
 * (0.2 KB gzip of the Worker's bundle): the ids of a route's parameters, where a failure is a 404,
 * of the query under orElse, and of the session's claims, where only whether they pass counts.
 * test/node/or-else.test.ts holds it to `z.regex`.
 */
export const matching = (pattern: RegExp) =>
  z.refine<string>((value) => {
    pattern.lastIndex = 0;
    return pattern.test(value);
  });

/** An issue as the app raises it in a refinement: its code, its message, the value, and a path where the issue is not the value's own. */
export type RaisedIssue = { code: 'custom'; message: string; input: unknown; path?: PropertyKey[] };

/**
 * `z.superRefine(fn)` as the app calls it: `ctx.addIssue()` given an object with its code, message
 * and input (src/contacts/schema.ts), never a string, a `fatal` or an issue without a code or an
 * input. The issue goes onto the parse's issues as zod's addIssue puts it there: marked to continue
 * (zod's `continue ?? !abort`, and a superRefine has no abort), so that the object's own check still
 * runs after a field's; zod's stamp of the check on it (`inst`) only zod's finalizeIssue reads, to
 * leave it out. Without zod's superRefine and its addIssue for what the app never gives (0.1 KB gzip
 * of the Worker's bundle). test/node/or-else.test.ts holds it to `z.superRefine`.
 */
export const superRefined = <T>(fn: (value: T, ctx: { addIssue(issue: RaisedIssue): void }) => void) =>
  z.check<T>((payload) => fn(payload.value, { addIssue: (issue) => payload.issues.push({ ...issue, continue: true }) }));
