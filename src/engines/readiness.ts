/**
 * Calls `attempt` until it succeeds or `signal` aborts, pausing briefly between tries. A server
 * that is still starting refuses connections, resets them or rejects logins, so every error is
 * a reason to try again; the last one explains a timeout.
 */
const POLL_INTERVAL_MS = 10;

export async function pollUntilReady(signal: AbortSignal, attempt: () => Promise<void>): Promise<void> {
  let lastError: unknown;
  while (!signal.aborted) {
    try {
      await attempt();
      return;
    } catch (error) {
      lastError = error;
    }
    // A refused connection to a local port costs well under a millisecond, so polling often is
    // cheap, and every pause is time added to clone create and reset.
    await sleep(POLL_INTERVAL_MS, signal);
  }
  throw new ReadinessTimeout(lastError);
}

export class ReadinessTimeout extends Error {
  constructor(readonly lastError: unknown) {
    super(lastError instanceof Error ? lastError.message : String(lastError ?? 'no attempt was made'));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
