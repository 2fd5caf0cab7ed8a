/** Pages larger than this are not articles; reading them would only cost memory. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** Status, Content-Type, Location and body of a raw HTTP response (ARC records store it whole). */
export function parseHttpHead(block: Uint8Array): { status: number | null; contentType: string | null; location: string | null; body: Uint8Array } {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length);
  if (!buf.subarray(0, 5).toString('latin1').startsWith('HTTP/')) return { status: null, contentType: null, location: null, body: block };
  let end = buf.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = buf.indexOf('\n\n');
    sep = 2;
  }
  if (end < 0) end = buf.length;
  const lines = buf.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = Number(/^HTTP\/\S+\s+(\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
  const header = (name: string): string | null => {
    const line = lines.find((l) => l.toLowerCase().startsWith(`${name}:`));
    return line ? line.slice(name.length + 1).trim() : null;
  };
  return { status: Number.isNaN(status) ? null : status, contentType: header('content-type'), location: header('location'), body: block.subarray(Math.min(end + sep, block.length)) };
}
