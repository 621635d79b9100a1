/** Small real documents of each kind a case takes, and helpers to build larger ones. */

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The start of a JFIF JPEG (what file-type reads: the SOI marker and the APP0 segment). */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'binary'), Buffer.alloc(64, 0)]);

/** A PDF of `size` bytes whose body repeats `filler` (a distinctive pattern, to look for in files). */
export function pdfOf(size: number, filler = 'recourse test document '): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(Math.max(0, size - head.length - tail.length), filler);
  return Buffer.concat([head, body, tail]);
}

export const PDF = pdfOf(2048);

/** A Windows executable's first bytes: no document at all. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
