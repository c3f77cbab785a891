/**
 * Fetches a beacons network config with the platform's `fetch` (browsers, Node 18+): bounded in
 * time and in size, and refused unless the server answers 2xx, so a wrong URL, a captive portal
 * or a hung server ends as a clear failure the backend can report and retry.
 */

/** How long a fetch may take, ms of real time. */
export const CONFIG_FETCH_TIMEOUT_MS = 5000;

/** The largest config read, in bytes (a config of 254 beacons is about 100 KB). */
export const MAX_CONFIG_BYTES = 1 << 20;

function tooLarge(): Error {
  return new Error(`the config is larger than ${MAX_CONFIG_BYTES} bytes`);
}

/**
 * The body's text, read chunk by chunk and abandoned (the fetch aborted) as soon as it passes
 * {@link MAX_CONFIG_BYTES}: a server that sends without end costs at most that much memory.
 */
async function readBounded(response: Response, abort: AbortController): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_CONFIG_BYTES) {
    abort.abort();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_CONFIG_BYTES) {
      abort.abort();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Fetches `url`'s text; rejects with an Error that says why (status, timeout, size, network). */
export async function fetchNetworkConfig(url: string): Promise<string> {
  const fetchFunction = (globalThis as { fetch?: typeof fetch }).fetch;
  if (fetchFunction === undefined) {
    throw new Error('this platform has no fetch(); pass fetchConfig in the options');
  }
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, CONFIG_FETCH_TIMEOUT_MS);
  try {
    const response = await fetchFunction(url, { signal: abort.signal, cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return await readBounded(response, abort);
  } catch (error) {
    if (timedOut) {
      throw new Error(`no answer within ${CONFIG_FETCH_TIMEOUT_MS} ms`, { cause: error });
    }
    // Node's fetch says only "fetch failed"; the reason (connection refused, no such host) is
    // its cause: said in the message, which the status and the console show.
    // (Read by shape: the fetch may come from another realm, whose errors are not this Error.)
    const message = (error as { message?: unknown }).message;
    const causeMessage = (error as { cause?: { message?: unknown } }).cause?.message;
    if (
      typeof message === 'string' &&
      typeof causeMessage === 'string' &&
      causeMessage !== '' &&
      !message.includes(causeMessage)
    ) {
      throw new Error(`${message} (${causeMessage})`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
