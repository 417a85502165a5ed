/**
 * How many segments carriers bill a text message, counted the way Twilio's segment calculator
 * does (the sms-segments-calculator package, a dev dependency here; test/unit/sms/segments.test.ts
 * checks this against it on generated text). Written out because the package and its grapheme
 * splitter were 37 KB of the API's bundle for forty lines of arithmetic.
 *
 * GSM-7 when every character is in the GSM 03.38 alphabet (the extension characters take two
 * septets), else UCS-2 (16 bits per UTF-16 unit). A segment is 140 octets; once there are two,
 * each carries a 6-octet header, and a character is never split across segments.
 */

const GSM_BASIC = new Set(
  '\n\r !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz¡£¤¥§¿ÄÅÆÇÉÑÖØÜßàäåæèéìñòöøùüΓΔΘΛΞΠΣΦΨΩ',
);
const GSM_EXTENSION = new Set('\f[\\]^{|}~€');

const SEGMENT_BITS = 140 * 8;
const HEADER_BITS = 6 * 8;

export type Encoding = 'GSM-7' | 'UCS-2';

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(text)) {
    // Carriers see CR and LF as two characters.
    if (segment === '\r\n') out.push('\r', '\n');
    else out.push(segment);
  }
  return out;
}

const isGsm = (grapheme: string) =>
  grapheme.length === 1 && (GSM_BASIC.has(grapheme) || GSM_EXTENSION.has(grapheme));

/**
 * The encoding and segment count of one text message.
 *
 * @example segments('¿Está detenido?') // { count: 1, encoding: 'UCS-2' }
 */
export function segments(text: string): { count: number; encoding: Encoding } {
  const chars = graphemes(text);
  const encoding: Encoding = chars.every(isGsm) ? 'GSM-7' : 'UCS-2';
  const bits = chars.map((c) =>
    encoding === 'UCS-2' ? 16 * c.length : GSM_EXTENSION.has(c) ? 14 : 7,
  );
  // Each segment: its characters' sizes; `header` once it carries the concatenation header.
  const parts: { sizes: number[]; used: number; header: boolean }[] = [
    { sizes: [], used: 0, header: false },
  ];
  for (const size of bits) {
    let current = parts[parts.length - 1] as (typeof parts)[number];
    if (SEGMENT_BITS - current.used < size) {
      const previous = current;
      current = { sizes: [], used: HEADER_BITS, header: true };
      parts.push(current);
      if (!previous.header) {
        // The first segment gets its header now, and what no longer fits moves on.
        previous.header = true;
        previous.used += HEADER_BITS;
        const moved: number[] = [];
        while (previous.used > SEGMENT_BITS) {
          const last = previous.sizes.pop() as number;
          previous.used -= last;
          moved.unshift(last);
        }
        for (const m of moved) {
          current.sizes.push(m);
          current.used += m;
        }
      }
    }
    current.sizes.push(size);
    current.used += size;
  }
  return { count: parts.length, encoding };
}
