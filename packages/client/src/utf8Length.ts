/**
 * Bytes of `text` once encoded as UTF-8, without encoding it: 1 byte below U+0080, 2 below U+0800, 4 for a
 * surrogate pair, 3 otherwise (RFC 3629). The client measures every event with it to keep request bodies under
 * `maxBatchBytes`. Lone surrogates count 3 (what `TextEncoder` writes for them, U+FFFD); `JSON.stringify` escapes
 * them anyway.
 *
 * @example
 * utf8Length('abc');  // => 3
 * utf8Length('é');    // => 2
 * utf8Length('€');    // => 3
 * utf8Length('😀');   // => 4
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // the pair's two code units become four bytes
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
