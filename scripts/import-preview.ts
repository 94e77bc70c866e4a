// The import preview from the command line (F4): the very parser the web preview uses.
//   npm run import:preview -- plan.md            prints the preview as JSON
//   npm run import:preview -- a.md b.md c.md     prints [{ file, preview }, …]
// Exit status: 0 when every file was read, 1 when a file could not be read or is over a limit.
import { readFileSync } from "node:fs";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";
import { ImportLimitError } from "@/lib/templates/markdown/types";

const files = process.argv.slice(2).filter((argument) => argument !== "--");
if (files.length === 0) {
  console.error("Usage: npm run import:preview -- <file.md> [more.md …]");
  process.exit(1);
}

let failed = false;
const results = files.map((file) => {
  try {
    return { file, preview: parseMarkdownPlan(readFileSync(file, "utf8")) };
  } catch (error) {
    failed = true;
    const message = error instanceof ImportLimitError ? error.message : `Could not read ${file}: ${(error as Error).message}`;
    console.error(message);
    return { file, error: message };
  }
});
process.stdout.write(`${JSON.stringify(files.length === 1 ? (results[0]!.preview ?? { error: results[0]!.error }) : results, null, 2)}\n`);
process.exit(failed ? 1 : 0);
