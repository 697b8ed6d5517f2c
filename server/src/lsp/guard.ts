// Wraps request and notification handlers so an exception becomes a logged error and a harmless
// answer: one bad document or bug must never take the server down for every other file. A
// protocol error the handler chose (a cancelled request) still goes to the client as such.
import { ResponseError, type Connection } from 'vscode-languageserver';

export function guard<A extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: R,
  fn: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`meshlint: ${name} failed: ${(err as Error).stack ?? String(err)}`);
      return fallback;
    }
  };
}
