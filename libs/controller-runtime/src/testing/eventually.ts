/** Retries `check` (which throws while the condition is false) until it passes or `timeoutMs` runs out. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
