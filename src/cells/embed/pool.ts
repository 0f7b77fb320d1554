/**
 * Runs `task(0)` … `task(count − 1)` with at most `concurrency` in flight, in index order of starting. The
 * first failure rejects the whole and stops new tasks from starting (those in flight finish on their own).
 */
export async function forEachLimited(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(concurrency, count))}, lane));
}
