/**
 * The other half of optimistic locking: a write that lost the race (VersionConflictError) is done
 * again on a fresh read. Every read-change-save loop of the domain goes through here.
 */
import { BusyError, VersionConflictError } from './errors';

/** How many times a change is re-applied on fresh state after losing a race. */
export const MAX_ATTEMPTS = 25;

/**
 * Runs `attempt` (which must read what it changes) until it saves without a conflict: after a
 * lost race it waits a little, at random (so two writers do not collide again in step), and runs
 * again. Any other error goes straight up. Past `attempts`, BusyError (a 503 the client retries).
 *
 * @example await retryOnConflict(async () => store.save(change(await store.get(id))))
 */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T>,
  attempts = MAX_ATTEMPTS,
): Promise<T> {
  for (let n = 1; n <= attempts; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      // After the last attempt there is nothing to wait for.
      if (n === attempts) break;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * n)));
    }
  }
  throw new BusyError();
}
