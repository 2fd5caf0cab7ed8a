import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressBest, isCompressible } from './compression.ts';
import { icoOf, iconPng, shareImagePng } from './raster-icons.ts';
import { assetUrl } from './urls.ts';

/** The stylesheets, icon and editor bundle, from src/web/assets (dist/web/assets once built). */
const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/** Sizes of the drawn PNG icons: the touch icon (180) and the manifest's two (192, 512). */
export const ICON_SIZES = [180, 192, 512] as const;

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  // The staff editor's bundle (scripts/build-editor.mjs); RFC 9239 names text/javascript.
  '.js': 'text/javascript; charset=utf-8',
};

/** One static file, held in memory with its precompressed variants. */
export interface Asset {
  /** Its plain name (`folio.css`), which keeps answering for old pages and copies. */
  readonly name: string;
  /** Its content-hashed name (`folio.3f2a9c1b07.css`), which pages link to and caches keep forever. */
  readonly hashedName: string;
  readonly contentType: string;
  readonly etag: string;
  readonly body: Buffer;
  readonly br: Buffer | null;
  readonly gzip: Buffer | null;
}

function assetOf(name: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = extname(name);
  const contentType = MEDIA_TYPES[ext] ?? 'application/octet-stream';
  // Compressed once, as small as brotli and gzip go; kept only when it saves something.
  const smaller = (bytes: Buffer) => (bytes.length < body.length * 0.9 ? bytes : null);
  const compress = isCompressible(contentType);
  return {
    name, hashedName: `${name.slice(0, -ext.length)}.${hash}${ext}`, contentType, etag: `"${hash}"`, body,
    br: compress ? smaller(compressBest(body, 'br')) : null,
    gzip: compress ? smaller(compressBest(body, 'gzip')) : null,
  };
}

/** Every static file by plain and by hashed name. */
export class AssetCatalogue {
  private readonly byName = new Map<string, Asset>();
  private readonly byHashedName = new Map<string, Asset>();

  constructor(assets: readonly Asset[]) {
    for (const a of assets) {
      this.byName.set(a.name, a);
      this.byHashedName.set(a.hashedName, a);
    }
  }

  /** A file by either of its names, and whether the name asked for was the hashed one. */
  lookup(name: string): { asset: Asset; hashed: boolean } | null {
    const hashed = this.byHashedName.get(name);
    if (hashed) return { asset: hashed, hashed: true };
    const plain = this.byName.get(name);
    return plain ? { asset: plain, hashed: false } : null;
  }

  /** The one file of a plain name (throws for a name that is not shipped: a programming error). */
  get(name: string): Asset {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`no asset named ${name}${name === 'editor.js' ? ' (the editor bundle is built by `npm run build`)' : ''}`);
    return asset;
  }

  /** Every plain name, for the static export. */
  get names(): string[] {
    return [...this.byName.keys()];
  }
}

let catalogue: AssetCatalogue | null = null;

/** The files of this build: read, hashed and compressed once per process, on first use. */
export function assetCatalogue(): AssetCatalogue {
  if (!catalogue) {
    const files = readdirSync(ASSETS_DIR).filter((name) => statSync(join(ASSETS_DIR, name)).isFile() && MEDIA_TYPES[extname(name)]);
    const icon32 = iconPng(32);
    catalogue = new AssetCatalogue([
      ...files.map((name) => assetOf(name, readFileSync(join(ASSETS_DIR, name)))),
      ...ICON_SIZES.map((size) => assetOf(`icon-${size}.png`, iconPng(size))),
      assetOf('favicon.ico', icoOf(icon32, 32)),
      assetOf('share.png', shareImagePng()),
    ]);
  }
  return catalogue;
}

/** The content-hashed path of a shipped file, for links in pages (`/assets/folio.<hash>.css`). */
export function assetPath(name: string): string {
  return assetUrl(assetCatalogue().get(name).hashedName);
}
