import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@shared/schemas/problem';

const TYPE_BASE = 'https://recourse.example/problems/';

/**
 * Node answers a request it cannot parse before Express sees it, in plain text: 431 for a request
 * line and headers above its 16 KiB limit (a very long query string), 400 for bytes that are not
 * HTTP. Found by test/security/http-fuzz.test.ts. Every error of the API is problem+json, so these
 * are too; the connection is closed, as Node would.
 */
export function answerClientErrorsAsProblems<S extends Server>(server: S): S {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, code, detail]: [number, string, ErrorCode, string] = tooLarge
      ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The address or the headers are longer than the server accepts (16 KiB).']
      : [400, 'Bad Request', 'malformed_request', 'The request is not valid HTTP.'];
    const body = JSON.stringify({ type: TYPE_BASE + code.replace(/_/g, '-'), title: reason, status, detail, code });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
