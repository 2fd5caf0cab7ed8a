import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { ConfigError } from '../../src/domain/errors.ts';

/** The problems loadConfig reports for this environment, or [] when it accepts it. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems;
  }
}

describe('configuration', () => {
  let dir: string;
  let n = 0;
  /** A FOLIO_CONFIG file holding `content` (JSON unless it is a string). */
  const configFile = (content: unknown): string => {
    const file = join(dir, `config-${n++}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  before(() => (dir = mkdtempSync(join(tmpdir(), 'folio-config-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('defaults: an empty environment gives the documented values, frozen all the way down', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.baseUrl, 'http://localhost:8080');
    assert.equal(config.database.kind, 'sqlite');
    assert.equal(config.pageCacheMegabytes, 48);
    assert.equal(config.demoSeed, 20110818);
    assert.equal(config.logLevel, 'info');
    assert.deepEqual({ ...config.comments }, { floodLimit: 5, floodWindowSeconds: 600, minSecondsToPost: 3, maxLinks: 3, blockedWords: [], blockedEmails: [], blockedNetworks: [] });
    assert.equal(config.secret, null);
    assert.equal(config.redisUrl, null);
    assert.equal(config.databaseReplicaUrl, null);
    assert.equal(config.secureCookies, 'auto');
    assert.equal(config.trustProxy, false);
    assert.deepEqual(config.editions.map((e) => e.code), ['en', 'ar']);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.comments) && Object.isFrozen(config.editions[1]) && Object.isFrozen(config.editions[1]!.hosts));
  });

  test('FOLIO_FILES_DIR: the old site\'s files folder, absolute, ./data/files by default and when empty', () => {
    assert.equal(loadConfig({}).filesDir, resolve('./data/files'));
    assert.equal(loadConfig({ FOLIO_FILES_DIR: '' }).filesDir, resolve('./data/files'));
    assert.equal(loadConfig({ FOLIO_FILES_DIR: 'archive/files' }).filesDir, resolve('archive/files'));
    assert.equal(loadConfig({ FOLIO_FILES_DIR: '/srv/folio/files/' }).filesDir, '/srv/folio/files');
  });

  test('each edition has a digits setting: Arabic-Indic for ar and Western for en by default, changeable in the file', () => {
    const defaults = loadConfig({});
    assert.deepEqual(defaults.editions.map((e) => [e.code, e.digits]), [['en', 'western'], ['ar', 'arabic-indic']]);
    const western = loadConfig({ FOLIO_CONFIG: configFile({ editions: { ar: { digits: 'western' } } }) });
    assert.deepEqual(western.editions.map((e) => [e.code, e.digits]), [['en', 'western'], ['ar', 'western']]);
  });

  test('good values are read, typed and normalised; an empty variable counts as unset', () => {
    const config = loadConfig({
      PORT: '9000', FOLIO_BASE_URL: 'https://news.example/', FOLIO_PAGE_CACHE_MB: '0', FOLIO_LOG_LEVEL: 'warn',
      FOLIO_SECRET: 'x'.repeat(32), FOLIO_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16', FOLIO_SECURE_COOKIES: 'always',
      FOLIO_REDIS_URL: 'redis://127.0.0.1:6379', FOLIO_FLOOD_LIMIT: '', FOLIO_DATABASE_URL: 'postgres://u@h/db',
      FOLIO_DATABASE_REPLICA_URL: 'postgres://u@replica/db',
      FOLIO_CONFIG: configFile({ editions: { ar: { siteName: 'دفتر', hosts: ['AR.Example.com'] } }, comments: { blockedWords: [' spam '], blockedNetworks: ['198.51.100.0/24'] } }),
    });
    assert.equal(config.port, 9000);
    assert.equal(config.baseUrl, 'https://news.example');
    assert.equal(config.pageCacheMegabytes, 0);
    assert.equal(config.heapGrowthPercent, 50, 'the server heap grows by half its live size unless told otherwise');
    assert.equal(config.comments.floodLimit, 5);
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@h/db' });
    assert.equal(config.databaseReplicaUrl, 'postgres://u@replica/db');
    assert.equal(config.trustProxy, '10.0.0.1, 192.168.0.0/16');
    assert.equal(config.editions[1]!.siteName, 'دفتر');
    assert.deepEqual(config.editions[1]!.hosts, ['ar.example.com']);
    assert.equal(config.editions[1]!.pathPrefix, '/ar', 'fields the file leaves out keep their defaults');
    assert.deepEqual(config.comments.blockedWords, ['spam']);
  });

  test('"siteName": 42 stops start-up, naming its path in the file', () => {
    const problems = problemsOf({ FOLIO_CONFIG: configFile({ editions: { ar: { siteName: 42 } } }) });
    assert.deepEqual(problems, ['FOLIO_CONFIG editions.ar.siteName: expected string, got number']);
  });

  const badFiles: [string, unknown, string][] = [
    ['a list entry of the wrong type', { comments: { blockedWords: ['a', 'b', 3] } }, 'FOLIO_CONFIG comments.blockedWords[2]: expected string, got number'],
    ['an empty blocked word', { comments: { blockedEmails: ['  '] } }, 'FOLIO_CONFIG comments.blockedEmails[0]: expected a non-empty string'],
    ['a network that is not one', { comments: { blockedNetworks: ['10.0.0.0/33'] } }, 'FOLIO_CONFIG comments.blockedNetworks[0]: "10.0.0.0/33" is not an IP address or CIDR network'],
    ['a list given as a string', { comments: { blockedWords: 'spam' } }, 'FOLIO_CONFIG comments.blockedWords: expected a list, got string'],
    ['an unknown top-level key', { theme: 'dark' }, 'FOLIO_CONFIG theme: unknown key'],
    ['a misspelt edition field', { editions: { en: { sitename: 'x' } } }, 'FOLIO_CONFIG editions.en.sitename: unknown key'],
    ['an edition code in the file', { editions: { en: { code: 'fr' } } }, 'FOLIO_CONFIG editions.en.code: unknown key'],
    ['an unknown comments key', { comments: { blockedIps: [] } }, 'FOLIO_CONFIG comments.blockedIps: unknown key'],
    ['an unknown edition', { editions: { fr: {} } }, 'FOLIO_CONFIG editions.fr: unknown edition (the editions are en, ar)'],
    ['a language Folio does not have', { editions: { ar: { lang: 'fr' } } }, 'FOLIO_CONFIG editions.ar.lang: expected one of "en", "ar", got "fr"'],
    ['an unknown time zone', { editions: { ar: { timeZone: 'Mars/Base' } } }, 'FOLIO_CONFIG editions.ar.timeZone: unknown time zone "Mars/Base"'],
    ['a bad comment policy', { editions: { ar: { commentPolicy: 'sometimes' } } }, 'FOLIO_CONFIG editions.ar.commentPolicy: expected one of "open", "moderated", "closed", got "sometimes"'],
    ['a bad digits setting', { editions: { ar: { digits: 'hindi' } } }, 'FOLIO_CONFIG editions.ar.digits: expected one of "arabic-indic", "western", got "hindi"'],
    ['a notice missing a field', { editions: { en: { notice: { text: 't', linkText: 'l', signature: 's' } } } }, 'FOLIO_CONFIG editions.en.notice.linkUrl: expected string, got nothing'],
    ['a bad path prefix', { editions: { ar: { pathPrefix: 'ar' } } }, 'FOLIO_CONFIG editions.ar.pathPrefix: expected "" or a prefix like "/ar"'],
    ['two editions on one prefix', { editions: { ar: { pathPrefix: '' } } }, 'FOLIO_CONFIG editions.ar.pathPrefix: "" is already edition en\'s'],
    ['no edition at the root', { editions: { en: { pathPrefix: '/en' } } }, 'FOLIO_CONFIG editions: one edition must be served at the root (pathPrefix "")'],
    ['one host for two editions', { editions: { en: { hosts: ['x.example'] }, ar: { hosts: ['X.example'] } } }, 'FOLIO_CONFIG editions.ar.hosts: x.example is already bound to edition en'],
    ['a file that is not an object', [1, 2], 'FOLIO_CONFIG: expected an object, got a list'],
  ];
  for (const [what, content, problem] of badFiles) {
    test(`FOLIO_CONFIG with ${what} is refused: ${problem}`, () => {
      assert.ok(problemsOf({ FOLIO_CONFIG: configFile(content) }).includes(problem), JSON.stringify(problemsOf({ FOLIO_CONFIG: configFile(content) })));
    });
  }

  test('a FOLIO_CONFIG that is missing or not JSON names the file', () => {
    assert.deepEqual(problemsOf({ FOLIO_CONFIG: join(dir, 'nope.json') }), [`FOLIO_CONFIG: cannot read ${join(dir, 'nope.json')}: no such file`]);
    const broken = configFile('{"editions": ');
    assert.match(problemsOf({ FOLIO_CONFIG: broken })[0]!, new RegExp(`^FOLIO_CONFIG: cannot read ${broken}: not valid JSON`));
  });

  const badVariables: [string, string, string][] = [
    ['PORT', '99999', 'PORT: expected a whole number from 0 to 65535, got 99999'],
    ['PORT', '80a', 'PORT: expected a whole number from 0 to 65535, got "80a"'],
    ['FOLIO_PAGE_CACHE_MB', '-1', 'FOLIO_PAGE_CACHE_MB: expected a whole number from 0 to 65536, got "-1"'],
    ['FOLIO_HEAP_GROWTH_PERCENT', 'half', 'FOLIO_HEAP_GROWTH_PERCENT: expected a whole number from 0 to 1000, got "half"'],
    ['FOLIO_PAGE_CACHE_DIR', 'cache\nx', 'FOLIO_PAGE_CACHE_DIR: expected a folder path without control characters'],
    ['FOLIO_FLOOD_LIMIT', '0', 'FOLIO_FLOOD_LIMIT: expected a whole number from 1 to 10000, got 0'],
    ['FOLIO_MAX_LINKS', '1.5', 'FOLIO_MAX_LINKS: expected a whole number from 0 to 1000, got "1.5"'],
    ['FOLIO_DATABASE_URL', 'mysql://x', 'FOLIO_DATABASE_URL: "mysql://x" is neither sqlite:<file> nor postgres://…'],
    ['FOLIO_DATABASE_URL', 'sqlite:', 'FOLIO_DATABASE_URL: "sqlite:" needs a file, e.g. sqlite:./data/folio.db'],
    ['FOLIO_BASE_URL', 'example.com', 'FOLIO_BASE_URL: expected an origin like https://example.com, got "example.com"'],
    ['FOLIO_LOG_LEVEL', 'loud', 'FOLIO_LOG_LEVEL: expected one of "fatal", "error", "warn", "info", "debug", "trace", "silent", got "loud"'],
    ['FOLIO_SECRET', 'short', 'FOLIO_SECRET: expected at least 32 characters'],
    ['FOLIO_SECURE_COOKIES', 'yes', 'FOLIO_SECURE_COOKIES: expected one of "auto", "always", got "yes"'],
    ['FOLIO_TRUST_PROXY', '10.0.0.1,nope', 'FOLIO_TRUST_PROXY: "nope" is not an IP address or CIDR network'],
    ['FOLIO_REDIS_URL', 'http://x', 'FOLIO_REDIS_URL: expected a URL like redis://127.0.0.1:6379'],
    ['FOLIO_DATABASE_REPLICA_URL', 'sqlite:./replica.db', 'FOLIO_DATABASE_REPLICA_URL: expected a postgres://… URL of a streaming replica, got "sqlite:./replica.db"'],
    ['FOLIO_SMTP_URL', 'mail.example.org:587', 'FOLIO_SMTP_URL: expected a URL like smtp://user:password@mail.example.org:587 or smtps://…'],
    ['FOLIO_MAIL_FROM', 'newsroom', 'FOLIO_MAIL_FROM: expected an address like newsroom@example.org or "Newsroom <newsroom@example.org>"'],
    ['FOLIO_PROMOTE_NEW_ARTICLES', 'maybe', 'FOLIO_PROMOTE_NEW_ARTICLES: expected one of "yes", "no", got "maybe"'],
    ['FOLIO_UNPUBLISHED', '404', 'FOLIO_UNPUBLISHED: expected one of "gone", "notice", got "404"'],
  ];
  for (const [name, value, problem] of badVariables) {
    test(`${name}=${value} is refused`, () => assert.deepEqual(problemsOf({ [name]: value }), [problem]));
  }

  test('a read replica needs a PostgreSQL primary', () => {
    assert.deepEqual(problemsOf({ FOLIO_DATABASE_URL: 'sqlite:./x.db', FOLIO_DATABASE_REPLICA_URL: 'postgres://u@replica/db' }), [
      'FOLIO_DATABASE_REPLICA_URL: a read replica needs a PostgreSQL FOLIO_DATABASE_URL (SQLite has no replicas)',
    ]);
  });

  test('every problem of the environment and the file is listed in one error, one per line', () => {
    const file = configFile({ editions: { ar: { siteName: 42 } }, colour: 'red' });
    let error: unknown;
    try {
      loadConfig({ PORT: 'x', FOLIO_SECRET: 'short', FOLIO_CONFIG: file });
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof ConfigError);
    assert.deepEqual([...error.problems].sort(), [
      'FOLIO_CONFIG colour: unknown key',
      'FOLIO_CONFIG editions.ar.siteName: expected string, got number',
      'FOLIO_SECRET: expected at least 32 characters',
      'PORT: expected a whole number from 0 to 65535, got "x"',
    ]);
    assert.equal(error.message.split('\n').length, 5);
    assert.match(error.message, /^invalid configuration, 4 problems:\n {2}- /);
  });

  test('unrelated environment variables are ignored; --port and --database win over PORT and FOLIO_DATABASE_URL', () => {
    const config = loadConfig({ PATH: '/bin', HOME: '/root', PORT: 'not a port', FOLIO_DATABASE_URL: 'nonsense' }, { port: 1234, databaseUrl: 'sqlite::memory:' });
    assert.equal(config.port, 1234);
    assert.deepEqual(config.database, { kind: 'sqlite', file: ':memory:' });
  });
});
