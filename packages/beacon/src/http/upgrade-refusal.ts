/**
 * Refusing a WebSocket upgrade: before the handshake the connection is still plain HTTP, so the
 * refusal is an HTTP response written on the raw socket, in the same JSON-and-CORS form as every
 * other answer of the beacon, and the connection is closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Writes `status` with `{ "error": message }` and closes the connection. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.once('finish', () => socket.destroy());
  socket.once('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Access-Control-Allow-Origin: *\r\n' +
      '\r\n' +
      body,
  );
}
