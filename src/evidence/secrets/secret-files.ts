/**
 * Which layer files are read for credentials, and whether their bytes are text. Every regular file
 * is a candidate except what cannot hold a credential of the image's own: package databases and
 * third-party package trees, locale data, man pages and docs, time zones, CA bundles, and formats
 * that are compressed or binary by name. Whatever remains is read when its bytes are text. Pure.
 */

/** Default of `image.scan-layers.max-file-size`: the bytes of each file that are read. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Bytes sniffed for a NUL: a text file has none, nearly every binary format has some early. */
const SNIFF_BYTES = 8 * 1024;

const SKIPPED_TREES = new RegExp(
  [
    // Package managers' databases and caches (dpkg, rpm, apk, apt, pacman).
    '^var/lib/(?:dpkg|rpm|apk|apt|pacman|yum|dnf)/',
    '^lib/apk/db/',
    '^var/cache/',
    '^usr/lib/sysimage/rpm/',
    // Documentation, man and info pages, locale data, time zones, terminfo, MIME and i18n tables.
    '^usr/(?:local/)?share/(?:doc|man|info|locale|i18n|zoneinfo|terminfo|mime|licenses|common-licenses|gtk-doc|help)/',
    '^usr/lib/locale/',
    // Public CA certificates.
    '^(?:etc/ssl/certs|etc/pki/ca-trust/extracted|usr/share/ca-certificates|etc/ca-certificates)/',
    // Toolchains and third-party packages: their test fixtures hold example keys by design.
    '(?:^|/)(?:node_modules|site-packages|dist-packages|\\.cargo/registry|pkg/mod)/',
    '^usr/local/go/',
    '^usr/lib/jvm/',
    '^usr/(?:include|src/linux-headers[^/]*)/',
    // Git object store: compressed.
    '(?:^|/)\\.git/objects/',
  ].join('|'),
);

/** Compressed, archived, image, font and compiled formats: never plain text. */
const SKIPPED_EXTENSIONS =
  /\.(?:mo|gmo|gz|tgz|bz2|xz|lz|lz4|lzma|zst|zip|jar|war|ear|whl|egg|7z|rar|deb|rpm|apk|png|jpe?g|gif|webp|ico|bmp|tiff?|svgz|woff2?|ttf|otf|eot|pdf|mp[34]|wav|ogg|so(?:\.[0-9.]+)?|a|o|dll|exe|dylib|class|pyc|pyo|wasm|node|db|sqlite3?)$/i;

/** Whether a file at this path is read at all. */
export function mayHoldCredentials(path: string): boolean {
  return !SKIPPED_TREES.test(path) && !SKIPPED_EXTENSIONS.test(path);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The content as text, or undefined when it is not: a NUL in the first bytes, or not UTF-8.
 * `truncated` says the bytes stop at the read limit, where a character may be cut in two.
 */
export function decodeText(content: Buffer, truncated: boolean): string | undefined {
  if (content.subarray(0, SNIFF_BYTES).includes(0)) return undefined;
  let bytes = content;
  if (truncated) {
    // Drop a multi-byte character cut by the limit: up to 3 continuation bytes and their lead.
    let end = bytes.length;
    for (let back = 0; back < 4 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; back++) end--;
    if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
    bytes = bytes.subarray(0, end);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
