// One seed per test run for every fast-check property, so a failure can be replayed exactly:
// vitest.config.ts picks it (FC_SEED from the environment, else a fresh one) and provides it to
// both runtimes (workerd and Node). A failing property names the seed and how to replay it:
// `FC_SEED=<seed> npm test`, or `FC_SEED=<seed> npx vitest run <file>` for one file.
import fc from 'fast-check';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

/** This run's seed: FC_SEED when given, otherwise chosen by vitest.config.ts at start. */
export const seed: number = inject('fcSeed');

/** Put into failure messages about generated values, so that every failure names the seed. */
export const seedHint = `fast-check seed ${seed}; replay with FC_SEED=${seed}`;

function withSeedHint(error: unknown): unknown {
  if (error instanceof Error) error.message = `${seedHint}\n${error.message}`;
  return error;
}

/** fc.assert with this run's seed; a failure names the seed, then fast-check's own report follows. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  try {
    fc.assert(property, { verbose: 1, ...params, seed });
  } catch (error) {
    throw withSeedHint(error);
  }
}

/** The same for an async property (fc.asyncProperty). */
export async function assertAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts> = {}): Promise<void> {
  try {
    await fc.assert(property, { verbose: 1, ...params, seed });
  } catch (error) {
    throw withSeedHint(error);
  }
}

/** fc.sample with this run's seed, for values checked in one batch outside fc.assert (an external parser). */
export function sampleWithSeed<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed });
}
