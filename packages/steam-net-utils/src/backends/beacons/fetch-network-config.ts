/**
 * Fetches a beacons network config with the platform's `fetch` (browsers, Node 18+): bounded in
 * time and in size, and refused unless the server answers 2xx, so a wrong URL, a captive portal
 * or a hung server ends as a clear failure the backend can report and retry.
 */

/** How long a fetch may take, ms of real time. */
export const CONFIG_FETCH_TIMEOUT_MS = 5000;

/** The largest config read, in UTF-16 code units (a config of 254 beacons is about 100 KB). */
export const MAX_CONFIG_TEXT_LENGTH = 1 << 20;

/** Fetches `url`'s text; rejects with an Error that says why (status, timeout, size, network). */
export async function fetchNetworkConfig(url: string): Promise<string> {
  const fetchFunction = (globalThis as { fetch?: typeof fetch }).fetch;
  if (fetchFunction === undefined) {
    throw new Error('this platform has no fetch(); pass fetchConfig in the options');
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), CONFIG_FETCH_TIMEOUT_MS);
  try {
    const response = await fetchFunction(url, { signal: abort.signal, cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const text = await response.text();
    if (text.length > MAX_CONFIG_TEXT_LENGTH) {
      throw new Error(`the config is larger than ${MAX_CONFIG_TEXT_LENGTH} characters`);
    }
    return text;
  } catch (error) {
    if (abort.signal.aborted) {
      throw new Error(`no answer within ${CONFIG_FETCH_TIMEOUT_MS} ms`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
