import iconv from 'iconv-lite';
import { normalizeVietnamese } from '../text/vietnamese.ts';

/**
 * Bytes to text the way a browser would pick the charset, then bantin's normal form.
 * No feed or page parser honours the XML encoding declaration when handed a string, so every
 * fetched or read body goes through here first.
 */

/** How far into the body the XML declaration and <meta> are looked for (browsers use 1024). */
const SNIFF_BYTES = 4096;

/**
 * Maps a charset label to an iconv-lite name, or null when unknown. Follows the WHATWG
 * Encoding Standard where it differs from the label: "iso-8859-1" and "us-ascii" are decoded
 * as windows-1252 (what servers that say latin-1 actually send), "unicode" is UTF-16LE.
 */
export function charsetFromLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (l === '') return null;
  if (['utf8', 'utf-8', 'unicode-1-1-utf-8', 'x-unicode20utf8'].includes(l)) return 'utf-8';
  if (['utf-16', 'utf-16le', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2'].includes(l)) {
    return 'utf-16le';
  }
  if (['utf-16be', 'unicodefffe'].includes(l)) return 'utf-16be';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252'].includes(l)) {
    return 'windows-1252';
  }
  if (['cp1258', 'x-cp1258'].includes(l)) return 'windows-1258';
  return iconv.encodingExists(l) ? l : null;
}

/** Charset from a byte order mark, with the BOM's length. */
function fromBom(bytes: Buffer): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** The charset parameter of a Content-Type header value. */
function fromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2] ? charsetFromLabel(m[2]) : null;
}

/** The XML declaration's encoding; also recognises a declaration written in UTF-16 without BOM. */
function fromXmlDeclaration(bytes: Buffer): string | null {
  // BOM-less UTF-16: "<" then any printable ASCII letter, each followed or preceded by a NUL.
  const printable = (b: number | undefined): boolean => b !== undefined && b >= 0x20 && b < 0x7f;
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && printable(bytes[2]) && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && printable(bytes[3])) return 'utf-16be';
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1] ? charsetFromLabel(m[1]) : null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
function fromMeta(bytes: Buffer): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct?.[1]) {
      const charset = charsetFromLabel(direct[1]);
      if (charset) return charset;
    }
  }
  return null;
}

/**
 * Decides the charset of `bytes`: BOM, then the HTTP charset, then the XML declaration, then
 * `<meta>`; UTF-8 when nothing says otherwise or the label is unknown.
 */
export function detectCharset(bytes: Buffer, contentType: string | null): string {
  return (
    fromBom(bytes)?.charset ??
    fromContentType(contentType) ??
    fromXmlDeclaration(bytes) ??
    fromMeta(bytes) ??
    'utf-8'
  );
}

/**
 * Decodes a fetched or read body to bantin's text form: the detected charset, no BOM, then
 * `normalizeVietnamese` (NFC + one tone style), because windows-1258 decodes to base letters
 * with combining tone marks and pages mix "hoà"/"hòa". Never throws: undecodable bytes become
 * U+FFFD.
 */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  const charset = detectCharset(bytes, contentType);
  let text: string;
  try {
    text = iconv.decode(bytes, charset);
  } catch {
    text = iconv.decode(bytes, 'utf-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return normalizeVietnamese(text);
}
