// What an evidence file is, decided from its bytes (never from the client's name or type), and
// the names it is stored and served under.

export interface FileKind {
  contentType: string;
  extensions: readonly string[];
}

const SIGNATURES: Array<FileKind & { magic: Buffer }> = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: Buffer.from('%PDF-', 'latin1') },
  { contentType: 'image/png', extensions: ['png'], magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

/** PDF, PNG or JPEG by magic bytes; null for anything else. */
export function detectKind(content: Buffer): FileKind | null {
  const hit = SIGNATURES.find((s) => content.length >= s.magic.length && content.subarray(0, s.magic.length).equals(s.magic));
  return hit ? { contentType: hit.contentType, extensions: hit.extensions } : null;
}

const MAX_STEM = 100;

/**
 * A name safe to store and show: no path, no control or bidi-override characters (which can make
 * "invoice‮fdp.exe" read as "invoiceexe.pdf"), no characters filesystems reject, and an extension
 * that matches the content, so the file opens as what it is.
 */
export function safeFilename(original: string | undefined, kind: FileKind): string {
  let name = (original ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let stem = kind.extensions.includes(ext) ? name.slice(0, dot) : name;
  stem = Array.from(stem).slice(0, MAX_STEM).join('').trim() || 'evidence';
  return `${stem}.${kind.extensions.includes(ext) ? ext : kind.extensions[0]}`;
}

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). Not
 * Express's res.attachment(): its fallback keeps Latin-1 letters (`reçu.pdf`), which some clients
 * mangle; evidence names are the user's own, exports use res.attachment (server/export/download.ts).
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
