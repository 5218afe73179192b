import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth/viewer';
import type { Loaders } from './loaders';
import type { Logger } from './logger';
import type { Services } from './services';

/** Everything one request (or one subscription event) needs; built fresh per request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** The caller's address over HTTP: an anonymous caller's cost budget is kept by it. */
  remoteAddress?: string;
  /** Over HTTP: whether the client has hung up before its answer was sent. */
  clientGone?: () => boolean;
  /** A fork of the ORM's EntityManager for this request only. */
  em: EntityManager;
  log: Logger;
  services: Services;
  /** Per-request DataLoaders, already scoped to the viewer. */
  readonly loaders: Loaders;
  /** A fresh EntityManager and loaders (each event of a long-lived subscription starts clean). */
  renew(): void;
}
