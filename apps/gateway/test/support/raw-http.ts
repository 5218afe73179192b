import type { Client as WsClient } from 'graphql-ws';

export const JSON_TYPE = { 'content-type': 'application/json' };

/** A raw HTTP request to the gateway's origin, with the body read as text once. */
export async function send(gatewayUrl: string, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(new URL(path, gatewayUrl), init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * The shape every refusal must have: the given status, a JSON body with
 * `errors[0].extensions.code`, and nothing of a stack trace or a file path.
 */
export function expectCleanError(res: { status: number; headers: Headers; text: string }, status: number, code: string): { message: string; extensions: { code: string } } {
  expect({ status: res.status, body: res.text }).toMatchObject({ status });
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.text).not.toMatch(/^\s*at |\bat \S+ \(|\/work\/|node_modules/m);
  const body = JSON.parse(res.text);
  expect(body.errors[0].extensions.code).toBe(code);
  return body.errors[0];
}

export type WsOutcome = { errors: { message: string; extensions?: { code?: string } }[] } | { result: unknown } | { closed: number };

/** Runs one operation over graphql-ws and reports its errors, its first result, or the socket's close code. */
export function wsOutcome(client: WsClient, payload: { query: string; operationName?: string; variables?: Record<string, unknown> }): Promise<WsOutcome> {
  return new Promise((resolve) => {
    const dispose = client.subscribe(payload, {
      next: (result) => {
        dispose();
        resolve(result.errors?.length ? { errors: result.errors as never } : { result: result.data });
      },
      error: (err) => resolve(Array.isArray(err) ? { errors: err } : { closed: (err as { code?: number }).code ?? -1 }),
      complete: () => undefined,
    });
  });
}
