/**
 * One bounded GET of a JSON document from a peer: a time limit, a size limit, a fresh connection
 * each time (no keep-alive pool that would outlive the beacon), and an error whose message says
 * what went wrong in a few words, for /health and the logs.
 */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';

export interface FetchJsonOptions {
  /** The whole exchange, connect to last byte, in real milliseconds. */
  readonly timeoutMs: number;
  /** The largest body read; a larger one is an error. */
  readonly maxBytes: number;
  /** Aborts the fetch (the beacon is closing). */
  readonly signal: AbortSignal;
}

/** GETs `url` and parses its body as JSON. Rejects with an `Error` saying why it failed. */
export function fetchJson(url: URL, options: FetchJsonOptions): Promise<unknown> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  return new Promise<unknown>((resolve, reject) => {
    const fail = (error: Error): void =>
      reject(
        new Error(
          options.signal.aborted
            ? 'the beacon is closing'
            : signal.aborted
              ? `no answer from ${url.href} within ${options.timeoutMs} ms`
              : `${url.href}: ${error.message}`,
        ),
      );
    const request = get(url, { agent: false, signal, headers: { accept: 'application/json' } });
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200) {
        response.resume();
        fail(new Error(`answered HTTP ${String(response.statusCode)}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          request.destroy(new Error(`answered more than ${options.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', fail);
      // A connection that closes before the whole body came settles the fetch too (a promise
      // settles once: whichever of these comes first decides).
      response.on('close', () => {
        if (!response.complete) fail(new Error('closed the connection mid-answer'));
      });
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          fail(new Error('did not answer JSON'));
        }
      });
    });
  });
}
