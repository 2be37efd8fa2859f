import { describe, expect, it } from 'vitest';
import { utf8Length } from '../src/utf8Length.js';

describe('utf8Length', () => {
  it('utf8Length(text) equals the bytes Buffer encodes, for 1- to 4-byte characters', () => {
    const samples = [
      '',
      'abc',
      'é',
      '€',
      '😀',
      'naïve café — 東京 🚀🚀',
      JSON.stringify({ a: 'x\u0000y', b: '\u07ff\u0800' }),
    ];
    for (const text of samples) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('utf8Length(lone surrogates) counts 3 bytes each, as the encoder writes U+FFFD', () => {
    for (const text of ['\ud83d', 'a\ud83db', '\ude00', '\ud83d\ud83d']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('utf8Length(random text) matches Buffer.byteLength', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 200; t++) {
      const codes = Array.from({ length: 40 }, () => Math.floor(random() * 0x10ffff));
      const text = String.fromCodePoint(...codes.filter((c) => c < 0xd800 || c > 0xdfff));
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
