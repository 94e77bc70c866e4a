// Text typed by users goes into Markdown exports as text, never as markup: a title such as
// "<script>" or "[click](javascript:…)" must read back exactly as typed once rendered.

const inlineSpecials = /[\\`*_[\]<>#|~!]/g;
const entityLike = /&(?=#?[A-Za-z0-9]+;)/g;

/** Escapes one line or paragraph of user text for Markdown; line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(inlineSpecials, (char) => `\\${char}`)
    .replace(entityLike, "&amp;")
    .replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2")
    // "1. Deploy" would start a numbered list: the punctuation is escaped, as a backslash
    // before a digit is no escape at all.
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, "$1$2\\$3");
}

/** Escapes multi-line user text, keeping its line breaks as Markdown hard breaks. */
export function escapeMarkdownBlock(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdownInline(line))
    .join("  \n");
}

/** A fence longer than any run of backticks in `text`, so the fenced text cannot close it. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longest + 1));
}
