import iconv from "iconv-lite";

// Text damaged by a wrong encoding: UTF-8 bytes that someone's tool read as Windows-1252 or as
// Mac Roman ("âœ…" or "‚úÖ" for "✅"). Each suspicious run of characters is turned back into the
// bytes that codec would have produced and kept only if those bytes are valid UTF-8, so text
// that merely contains accented letters ("café", "Größe") is never touched.

export type Repair = { line: number; from: string; to: string; codec: "Windows-1252" | "Mac Roman" };

/** `lost`: bytes the codec has no character for, which damaged text often dropped. */
type Codec = { name: Repair["codec"]; bytes: Map<string, number>; lost: number[] };

function codecTable(name: Repair["codec"], encoding: string): Codec {
  const bytes = new Map<string, number>();
  const lost: number[] = [];
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const char = iconv.decode(Buffer.from([byte]), encoding);
    // A byte the codec has no character for was often dropped from damaged text.
    if (char === "\ufffd") lost.push(byte);
    else if (!bytes.has(char)) bytes.set(char, byte);
  }
  // Mac Roman's 0xF0 is the Apple logo, U+F8FF, which iconv-lite leaves undefined.
  if (name === "Mac Roman") bytes.set("\uf8ff", 0xf0);
  // Bytes a codec leaves undefined often survive as the C1 control character of the same value.
  for (let byte = 0x80; byte <= 0x9f; byte += 1) {
    const control = String.fromCharCode(byte);
    if (!bytes.has(control)) bytes.set(control, byte);
  }
  return { name, bytes, lost };
}

let codecs: Codec[] | undefined;
const getCodecs = () => (codecs ??= [codecTable("Windows-1252", "win1252"), codecTable("Mac Roman", "macintosh")]);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: number[]): string | null {
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

const pictographic = /^(?:[\p{Extended_Pictographic}\ufe0f\u200d]|[\u0000-\u007f])+$/u;

/** The UTF-8 text `chars` stood for under `codec`, or null if it is not mis-decoded UTF-8. */
function undo(chars: string, codec: Codec): string | null {
  const bytes: number[] = [];
  for (const char of chars) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const byte = codec.bytes.get(char);
      if (byte === undefined) return null;
      bytes.push(byte);
    }
  }
  if (!bytes.some((byte) => byte >= 0x80)) return null;
  const text = decode(bytes);
  // Real repairs shorten the text: several bytes per character became one character.
  if (text !== null) return text.length < chars.length ? text : null;
  // A byte the codec could not show was often dropped ("â³" for "⏳"): put each such byte back
  // at each place, and accept the one reading that gives emoji, if exactly one does.
  const readings = new Set<string>();
  for (let at = 0; at <= bytes.length; at += 1) {
    for (const byte of codec.lost) {
      const candidate = decode([...bytes.slice(0, at), byte, ...bytes.slice(at)]);
      if (candidate !== null && candidate.length < chars.length && pictographic.test(candidate)) readings.add(candidate);
    }
  }
  return readings.size === 1 ? [...readings][0]! : null;
}

// Runs of non-ASCII characters; one ASCII character may sit inside a run (a byte such as 0x20
// never occurs in a multi-byte sequence, but Mac Roman maps some bytes to ASCII-looking forms).
const suspicious = /[\u0080-\uffff]{2,}/g;

/** Repairs a line's damaged runs; reports each repair. */
function repairLine(line: string, lineNumber: number, repairs: Repair[]): string {
  return line.replace(suspicious, (run) => {
    let out = "";
    let index = 0;
    const chars = [...run];
    while (index < chars.length) {
      let fixed = false;
      for (let end = chars.length; end >= index + 2 && !fixed; end -= 1) {
        const piece = chars.slice(index, end).join("");
        for (const codec of getCodecs()) {
          const text = undo(piece, codec);
          if (text !== null) {
            repairs.push({ line: lineNumber, from: piece, to: text, codec: codec.name });
            out += text;
            index = end;
            fixed = true;
            break;
          }
        }
      }
      if (!fixed) {
        out += chars[index];
        index += 1;
      }
    }
    return out;
  });
}

export function repairEncoding(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const lines = text.split("\n").map((line, index) => repairLine(line, index + 1, repairs));
  return { text: lines.join("\n"), repairs };
}
