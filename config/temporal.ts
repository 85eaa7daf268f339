// How the API (client) and the worker reach Temporal: a local dev server, or a hosted
// one with TLS and/or an API key. Both sides build their connection from this.
import fs from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { TemporalConfig } from './config';

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

export function temporalAddress(cfg: TemporalConfig): string {
  return cfg.address ?? `127.0.0.1:${cfg.devPort}`;
}

export function temporalConnectionOptions(cfg: TemporalConfig): TemporalConnectionOptions {
  const read = (file: string | undefined) => (file ? fs.readFileSync(file) : undefined);
  const tls: TLSConfig | undefined = cfg.tls && {
    serverNameOverride: cfg.tls.serverName,
    serverRootCACertificate: read(cfg.tls.caPath),
    clientCertPair:
      cfg.tls.certPath && cfg.tls.keyPath ? { crt: read(cfg.tls.certPath)!, key: read(cfg.tls.keyPath)! } : undefined,
  };
  return { address: temporalAddress(cfg), tls, apiKey: cfg.apiKey };
}
