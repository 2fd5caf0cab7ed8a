import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from '../domain/edition.ts';
import type { CommentConfig } from '../domain/comment.ts';
import type { MediaStorageSettings } from '../domain/media.ts';
import { ConfigError } from '../domain/errors.ts';
import { DEFAULT_EDITIONS } from './default-editions.ts';
import { envSchema, type DatabaseConfig, type EnvSettings } from './env-schema.ts';
import { fileSchema, type FileSettings } from './file-schema.ts';
import { configErrorMap, describeIssues } from './config-problems.ts';

export type { CommentConfig, DatabaseConfig };

/** Folio's validated, frozen configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Where the old site's files are kept (absolute), each at its old URL's path: FOLIO_FILES_DIR, ./data/files by default. */
  readonly filesDir: string;
  /** A streaming replica of the PostgreSQL database that serves the site's reads; null: none. */
  readonly databaseReplicaUrl: string | null;
  /** Absolute base for canonical links, e.g. "https://example.com"; defaults to http://localhost:<port>. */
  readonly baseUrl: string;
  readonly editions: readonly Edition[];
  readonly demoSeed: number;
  readonly logLevel: string;
  /** Megabytes of rendered (compressed) pages kept in memory; 0 turns the cache off. */
  readonly pageCacheMegabytes: number;
  /** Folder of the page cache's on-disk tier (rendered, compressed pages), or null for memory only. */
  readonly pageCacheDir: string | null;
  /** The disk tier's bound in megabytes. */
  readonly pageCacheDiskMegabytes: number;
  /** FOLIO_HEAP_GROWTH_PERCENT: the server heap's growth past its live size after a full collection (0: V8's own). */
  readonly heapGrowthPercent: number;
  readonly comments: CommentConfig;
  /** Signs form tokens; when unset, one is generated once and kept in the database. */
  readonly secret: string | null;
  /** Redis for state shared by several app instances (rate limits); null for one instance. */
  readonly redisUrl: string | null;
  /**
   * Session cookies are always HttpOnly and SameSite=Lax; 'auto' adds Secure on HTTPS requests
   * (so http://localhost works in development), 'always' on every response (behind a TLS proxy).
   */
  readonly secureCookies: 'auto' | 'always';
  /**
   * Which proxies may set X-Forwarded-For: false (none; the default), or a comma-separated list
   * of addresses/CIDRs. Behind nginx, set it, or every reader shares the proxy's address and
   * flood control counts them as one.
   */
  readonly trustProxy: false | string;
  /** Seconds an idle keep-alive connection stays open; must outlast the load balancer's (60 s for nginx). */
  readonly keepAliveSeconds: number;
  /** Where `folio serve` answers Prometheus's /metrics: null when off. */
  readonly metrics: { readonly host: string; readonly port: number } | null;
  /** SMTP for invitations and password resets; null: one-time links are logged and shown to the admin instead. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null;
  /** Whether a new article is promoted (front page, /rss.xml, /node) unless it says otherwise. */
  readonly promoteNewArticles: boolean;
  /** The media library's storage and upload limits (issue 12, point 5). */
  readonly media: MediaConfig;
  /** An unpublished article's URL: 'gone' (the plain 410 page) or 'notice' (a 410 saying the editors withdrew it). */
  readonly unpublished: 'gone' | 'notice';
}

/** Where media derivatives are kept, and how large an upload may be. */
export interface MediaConfig {
  readonly storage: MediaStorageSettings;
  readonly maxBytes: number;
  readonly maxPixels: number;
}

/** The media settings, or problems when an S3 endpoint is given without its bucket and keys. */
function mediaConfig(vars: EnvSettings, problems: string[]): MediaConfig {
  const limits = { maxBytes: vars.FOLIO_MEDIA_MAX_MB * 1024 * 1024, maxPixels: vars.FOLIO_MEDIA_MAX_MEGAPIXELS * 1_000_000 };
  const s3 = { FOLIO_MEDIA_S3_BUCKET: vars.FOLIO_MEDIA_S3_BUCKET, FOLIO_MEDIA_S3_ACCESS_KEY: vars.FOLIO_MEDIA_S3_ACCESS_KEY, FOLIO_MEDIA_S3_SECRET_KEY: vars.FOLIO_MEDIA_S3_SECRET_KEY };
  if (vars.FOLIO_MEDIA_S3_URL === null) {
    for (const [name, value] of Object.entries(s3)) if (value !== null) problems.push(`${name}: set FOLIO_MEDIA_S3_URL too, or unset it (media are kept in a folder without it)`);
    return { storage: { kind: 'folder', dir: vars.FOLIO_MEDIA_DIR ?? join(vars.FOLIO_FILES_DIR, 'media') }, ...limits };
  }
  for (const [name, value] of Object.entries(s3)) if (value === null) problems.push(`${name}: needed with FOLIO_MEDIA_S3_URL`);
  return {
    storage: {
      kind: 's3', endpoint: vars.FOLIO_MEDIA_S3_URL.replace(/\/$/, ''), bucket: s3.FOLIO_MEDIA_S3_BUCKET ?? '', region: vars.FOLIO_MEDIA_S3_REGION,
      accessKeyId: s3.FOLIO_MEDIA_S3_ACCESS_KEY ?? '', secretAccessKey: s3.FOLIO_MEDIA_S3_SECRET_KEY ?? '',
    },
    ...limits,
  };
}

/** Reads and validates the FOLIO_CONFIG file; an unreadable or invalid file adds problems. */
function readConfigFile(path: string | null, problems: string[]): FileSettings {
  if (path === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? `not valid JSON (${err.message})` : (err as Error).message;
    problems.push(`FOLIO_CONFIG: cannot read ${path}: ${reason}`);
    return {};
  }
  const result = fileSchema.safeParse(parsed, { error: configErrorMap });
  if (result.success) return result.data;
  problems.push(...describeIssues('FOLIO_CONFIG', result.error.issues));
  return {};
}

/** The default editions with the file's overrides, and the rules that span editions. */
function mergeEditions(overrides: FileSettings['editions'], problems: string[]): Edition[] {
  const known = DEFAULT_EDITIONS.map((e) => e.code);
  for (const code of Object.keys(overrides ?? {})) {
    if (!known.includes(code)) problems.push(`FOLIO_CONFIG editions.${code}: unknown edition (the editions are ${known.join(', ')})`);
  }
  const editions = DEFAULT_EDITIONS.map((e): Edition => ({ ...e, ...(overrides?.[e.code] ?? {}), code: e.code }));
  const prefixes = new Map<string, string>();
  const hosts = new Map<string, string>();
  for (const e of editions) {
    const samePrefix = prefixes.get(e.pathPrefix);
    if (samePrefix !== undefined) problems.push(`FOLIO_CONFIG editions.${e.code}.pathPrefix: "${e.pathPrefix}" is already edition ${samePrefix}'s`);
    prefixes.set(e.pathPrefix, e.code);
    for (const host of e.hosts) {
      const sameHost = hosts.get(host);
      if (sameHost !== undefined) problems.push(`FOLIO_CONFIG editions.${e.code}.hosts: ${host} is already bound to edition ${sameHost}`);
      hosts.set(host, e.code);
    }
  }
  if (!prefixes.has('')) problems.push('FOLIO_CONFIG editions: one edition must be served at the root (pathPrefix "")');
  return editions;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads the environment (and the JSON file named by FOLIO_CONFIG) once, validates everything
 * with the schemas in env-schema.ts and file-schema.ts, and returns a frozen Config. Every
 * problem is reported together, each with its variable or its path in the file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { databaseUrl?: string; port?: number } = {}): Config {
  const problems: string[] = [];
  const input: NodeJS.ProcessEnv = { ...env };
  if (overrides.databaseUrl !== undefined) input.FOLIO_DATABASE_URL = overrides.databaseUrl;
  // --port wins over PORT, which then need not be valid.
  if (overrides.port !== undefined) input.PORT = String(overrides.port);
  const parsed = envSchema.safeParse(input, { error: configErrorMap });
  if (!parsed.success) {
    problems.push(...describeIssues('', parsed.error.issues));
    // Report the file's problems too, so one run lists everything.
    readConfigFile(env.FOLIO_CONFIG ? env.FOLIO_CONFIG : null, problems);
    throw new ConfigError(problems);
  }
  const vars = parsed.data;
  const file = readConfigFile(vars.FOLIO_CONFIG, problems);
  const editions = mergeEditions(file.editions, problems);
  if (vars.FOLIO_DATABASE_REPLICA_URL !== null && vars.FOLIO_DATABASE_URL.kind !== 'postgres') {
    problems.push('FOLIO_DATABASE_REPLICA_URL: a read replica needs a PostgreSQL FOLIO_DATABASE_URL (SQLite has no replicas)');
  }
  const media = mediaConfig(vars, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({
    port: vars.PORT,
    host: vars.HOST,
    database: vars.FOLIO_DATABASE_URL,
    filesDir: vars.FOLIO_FILES_DIR,
    databaseReplicaUrl: vars.FOLIO_DATABASE_REPLICA_URL,
    baseUrl: vars.FOLIO_BASE_URL ?? `http://localhost:${vars.PORT}`,
    editions,
    demoSeed: vars.FOLIO_DEMO_SEED,
    logLevel: vars.FOLIO_LOG_LEVEL,
    pageCacheMegabytes: vars.FOLIO_PAGE_CACHE_MB,
    pageCacheDir: vars.FOLIO_PAGE_CACHE_DIR,
    pageCacheDiskMegabytes: vars.FOLIO_PAGE_CACHE_DISK_MB,
    heapGrowthPercent: vars.FOLIO_HEAP_GROWTH_PERCENT,
    comments: {
      floodLimit: vars.FOLIO_FLOOD_LIMIT,
      floodWindowSeconds: vars.FOLIO_FLOOD_WINDOW,
      minSecondsToPost: vars.FOLIO_MIN_POST_SECONDS,
      maxLinks: vars.FOLIO_MAX_LINKS,
      blockedWords: file.comments?.blockedWords ?? [],
      blockedEmails: file.comments?.blockedEmails ?? [],
      blockedNetworks: file.comments?.blockedNetworks ?? [],
    },
    secret: vars.FOLIO_SECRET,
    redisUrl: vars.FOLIO_REDIS_URL,
    secureCookies: vars.FOLIO_SECURE_COOKIES,
    trustProxy: vars.FOLIO_TRUST_PROXY,
    keepAliveSeconds: vars.FOLIO_KEEP_ALIVE_SECONDS,
    metrics: vars.FOLIO_METRICS_PORT === 0 ? null : { host: vars.FOLIO_METRICS_HOST, port: vars.FOLIO_METRICS_PORT },
    mail: vars.FOLIO_SMTP_URL === null ? null : { smtpUrl: vars.FOLIO_SMTP_URL, from: vars.FOLIO_MAIL_FROM ?? `newsroom@${new URL(vars.FOLIO_BASE_URL ?? 'http://localhost').hostname}` },
    promoteNewArticles: vars.FOLIO_PROMOTE_NEW_ARTICLES,
    media,
    unpublished: vars.FOLIO_UNPUBLISHED,
  });
}
