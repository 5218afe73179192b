import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * The HTTP port is bound before anything else starts, so a taken port stops the
 * process before it starts a database, creates the first admin or seeds: there
 * is nothing to undo, and the operator reads one line saying what to change.
 */
export class ListenError extends Error {
  constructor(
    readonly code: string,
    readonly port: number,
    readonly host: string,
  ) {
    super(listenProblem(code, port, host));
    this.name = 'ListenError';
  }
}

function listenProblem(code: string, port: number, host: string): string {
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is in use; set PORT to another port`;
    case 'EACCES':
      return `port ${port} on ${host} needs privileges this process lacks; set PORT to a port above 1023`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine; set HOST to one of its addresses or to 0.0.0.0`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} does not resolve to an address; set HOST to an address of this machine or to 0.0.0.0`;
    default:
      return `cannot listen on port ${port} on ${host} (${code})`;
  }
}

export interface BoundServer {
  server: Server;
  /** Hands requests to the application; until then they get 503 (`/healthz` 200: the process lives). */
  serve(handler: RequestListener): void;
  /** For a start that fails after binding: stops listening and drops open connections. */
  close(): Promise<void>;
}

const starting: RequestListener = (req, res) => {
  const alive = req.url?.split('?')[0] === '/healthz';
  res.writeHead(alive ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', ...(alive ? {} : { 'retry-after': '1' }) });
  res.end(JSON.stringify({ status: alive ? 'ok' : 'starting' }));
};

export async function bindHttpServer(port: number, host: string): Promise<BoundServer> {
  let handler = starting;
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => reject(err.code ? new ListenError(err.code, port, host) : err);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  return {
    server,
    serve(app) {
      handler = app;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
