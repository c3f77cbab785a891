/** One HTTP request for tests, on a fresh connection, with the whole answer. */
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export function request(
  url: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method, headers, agent: false, timeout: 5000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url}: no answer in 5 s`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** GETs `url` and parses the JSON body. */
export async function getJson<T = unknown>(url: string): Promise<T> {
  const answer = await request(url);
  if (answer.status !== 200) throw new Error(`GET ${url}: HTTP ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as T;
}
