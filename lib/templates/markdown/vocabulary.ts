// The words and markers release plans use, read from plain text. Pure.

export type Priority = "BLOCKING" | "RECOMMENDED" | "OPTIONAL";
export type Status = "TODO" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "WAIVED";
export const knownCategories = ["Security", "Performance", "Operations", "Validation"] as const;
/** The readiness categories a new release starts with (lib/releases/defaults.ts). */
export type Category = (typeof knownCategories)[number];

const priorityWords: [RegExp, Priority][] = [
  [/\b(?:non[- ]?blocking|not blocking)\b/i, "RECOMMENDED"],
  [/\b(?:blocking|blockers?|critical|must(?:[- ]have)?|required|mandatory|p0)\b|\(r\)|🔴/i, "BLOCKING"],
  [/\b(?:recommended|should(?:[- ]have)?|important|high|p1)\b|🟡|🟠/i, "RECOMMENDED"],
  [/\b(?:optional|nice[- ]to[- ]have|nice|could(?:[- ]have)?|low|p[23]|future)\b|🟢/i, "OPTIONAL"],
];

/** The priority a piece of text states, if any: explicit words first, then the coloured circles. */
export function priorityIn(text: string): Priority | null {
  for (const [pattern, priority] of priorityWords) {
    if (pattern.test(text)) {
      // "🟢 RECOMMENDED": the word beats the colour.
      if (/[🔴🟡🟠🟢]/u.test(text)) {
        const withoutEmoji = text.replace(/[🔴🟡🟠🟢]/gu, "");
        const worded = priorityWordsOnly(withoutEmoji);
        if (worded) return worded;
      }
      return priority;
    }
  }
  return null;
}

function priorityWordsOnly(text: string): Priority | null {
  for (const [pattern, priority] of priorityWords) if (pattern.test(text)) return priority;
  return null;
}

/**
 * Priority markers written into an item's title, removed so the title reads cleanly: capitalised
 * words ("BLOCKING"), bracketed or parenthesised tags ("[P0]", "(R)"), a leading "P1:", and the
 * coloured circles. "3 P1 issues" in running text is left alone.
 */
const titleMarkers: RegExp[] = [
  /\s*\[(?:P[0-3]|BLOCKING|CRITICAL|REQUIRED|RECOMMENDED|OPTIONAL|MUST|SHOULD|NICE)\]\s*/gi,
  /\s*\((?:R|P[0-3]|required|optional|recommended|blocking|critical|must|should|nice to have)\)/gi,
  /^\s*P[0-3]\s*[:\-–]\s*/,
  /(?:\*\*)?\b(?:BLOCKING|CRITICAL|RECOMMENDED|OPTIONAL|REQUIRED)\b(?:\*\*)?\s*[:\-–]?\s*/g,
  /[🔴🟡🟠🟢]\s*/gu,
];

export function titlePriority(title: string): { title: string; priority: Priority | null } {
  let text = title;
  const markers: string[] = [];
  for (const pattern of titleMarkers) {
    text = text.replace(pattern, (marker) => {
      markers.push(marker);
      return " ";
    });
  }
  const priority = markers.length > 0 ? priorityIn(markers.join(" ")) : null;
  return { title: cleanTitle(text), priority };
}

const statusEmoji: [RegExp, Status][] = [
  [/^[✅✔☑✓]\uFE0F?/u, "DONE"],
  [/^[⏳🔄🚧]\uFE0F?/u, "IN_PROGRESS"],
  [/^[❌⛔🛑]\uFE0F?/u, "BLOCKED"],
  [/^[⬜☐]\uFE0F?/u, "TODO"],
];

/** A status emoji at the start of a line: "✅ Deployed" is done. */
export function leadingStatus(text: string): { status: Status; rest: string } | null {
  const trimmed = text.trimStart();
  for (const [pattern, status] of statusEmoji) {
    const match = pattern.exec(trimmed);
    if (match) return { status, rest: trimmed.slice(match[0].length).trim() };
  }
  return null;
}

/** Words in an unchecked item's text that say it is under way or stuck. */
export function statusWords(text: string): Status | null {
  if (/\b(?:in progress|wip|ongoing|underway)\b|⏳|🔄/iu.test(text)) return "IN_PROGRESS";
  if (/\bblocked\b|❌|⛔/iu.test(text)) return "BLOCKED";
  return null;
}

/** Status cells of checks tables: "✅", "Yes", "Done", "[x]", "Pass"… */
export function cellStatus(cell: string): Status | null {
  const text = cell.trim().toLowerCase();
  if (!text) return null;
  if (/^(?:\[x\]|✅|✔|☑|✓|yes|y|done|complete(?:d)?|pass(?:ed)?|ok|green|met)(?![\p{L}\p{N}])/iu.test(text)) return "DONE";
  if (/^(?:\[ \]|☐|⬜|no|n|todo|to do|pending|not started|open|fail(?:ed)?|red|not met)(?![\p{L}\p{N}])/iu.test(text)) return "TODO";
  if (/^(?:⏳|🔄|in progress|wip|ongoing|partial|amber|yellow)/iu.test(text)) return "IN_PROGRESS";
  if (/^(?:❌|blocked)/iu.test(text)) return "BLOCKED";
  if (/^(?:n\/a|na|not applicable|waived|skip(?:ped)?)$/iu.test(text)) return "WAIVED";
  return null;
}

const categoryWords: [RegExp, Category][] = [
  [/\b(?:security|secur|secrets?|vulnerab\w*|pen(?:etration)?[- ]?test\w*|firewall|tls|ssl|certificates?|auth\w*|cve|owasp|encrypt\w*|credentials?|cors|rate limit\w*|compliance|scan\w*)\b/i, "Security"],
  [/\b(?:performance|load[- ]test\w*|latency|throughput|p9[59]|p50|benchmarks?|stress|soak|capacity|response times?|slo|sla)\b/i, "Performance"],
  [/\b(?:monitor\w*|alert\w*|backups?|runbooks?|on[- ]call|deploy\w*|infrastructure|rollback|roll back|logging|logs?|dashboards?|dns|load balancer|database|redis|environment|provision\w*|pipeline|ci\/cd|operations?|ops|communicat\w*|announce\w*|notify|stakeholders?)\b/i, "Operations"],
  [/\b(?:tests?|testing|qa|smoke|validat\w*|verif\w*|e2e|uat|acceptance|regression|dry run|sign[- ]?offs?|approv\w*|review\w*|documentation|docs?)\b/i, "Validation"],
];

/** A readiness category read from keywords; a guess the preview says it made. */
export function guessCategory(...texts: string[]): Category | null {
  for (const text of texts) {
    for (const [pattern, category] of categoryWords) if (pattern.test(text)) return category;
  }
  return null;
}

/** "2-3 hours" → 180, "30 minutes" → 30, "1-2 business days" → 960 (8-hour days); the upper bound. */
export function parseDuration(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(minutes?|mins?|m\b|hours?|hrs?|h\b|(?:business |working )?days?|d\b|weeks?|w\b)/i.exec(text);
  if (!match) return null;
  const amount = Number(match[2] ?? match[1]);
  const unit = match[3]!.toLowerCase();
  const minutes = unit.startsWith("m") ? 1 : unit.startsWith("h") ? 60 : unit.startsWith("w") ? 5 * 8 * 60 : 8 * 60;
  const total = Math.round(amount * minutes);
  return Number.isFinite(total) && total > 0 && total <= 100_000 ? total : null;
}

/** "Owner: DevOps", "**Priority:** 🔴 BLOCKING": a label and its value, if the text is one. */
export function labelLine(text: string): { label: "owner" | "priority" | "estimate" | "evidence" | "status" | "category" | "approvedBy"; value: string } | null {
  const match = /^\s*(?:\*\*|__)?\s*(owners?|assignee|responsible|priority|severity|estimated? (?:time|effort)|estimate|effort|duration|evidence|proof|status|category|approved by|signed(?: off)? by|sign[- ]?off by)\s*:?\s*(?:\*\*|__)?\s*:?\s*(.*)$/i.exec(text);
  if (!match) return null;
  const key = match[1]!.toLowerCase();
  const value = match[2]!.trim();
  if (!/:/.test(text.slice(0, match[0].length - value.length))) return null;
  const label = key.startsWith("owner") || key === "assignee" || key === "responsible"
    ? "owner"
    : key === "priority" || key === "severity"
      ? "priority"
      : key.startsWith("estimat") || key === "effort" || key === "duration"
        ? "estimate"
        : key === "evidence" || key === "proof"
          ? "evidence"
          : key === "status"
            ? "status"
            : key === "category"
              ? "category"
              : "approvedBy";
  return { label, value };
}

const roleWords = /\b(?:lead|manager|officer|owner|director|head|architect|engineer|chief|vp|cto|ciso|cio|ceo|qa|devops|sre|security|product|release|engineering|operations|team|executive|sponsor|stakeholder|approver|dba|legal|compliance)\b/i;

/** A short name of a role: "Technical Lead", "Security Lead/CISO", "QA Team". */
export function looksLikeRole(text: string): boolean {
  const clean = text.trim();
  return clean.length >= 2 && clean.length <= 60 && clean.split(/\s+/).length <= 6 && roleWords.test(clean) && !/[.!?]$/.test(clean);
}

/** Trims a heading or title: decorative emoji, numbering like "Task 1.1:", trailing colons and status words. */
export function cleanTitle(text: string): string {
  return text
    .replace(/[\p{Extended_Pictographic}\ufe0f\u200d]/gu, " ")
    .replace(/^\s*(?:task|step|item)\s+\d+(?:\.\d+)*\s*[:.\-–]\s*/i, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s:–\-*_]+|[\s:–\-*_]+$/g, "")
    .trim();
}

/** A heading or label that names a group of tasks rather than prose. */
export function isTaskContext(text: string): boolean {
  return /\b(?:tasks?|steps?|actions?|to[- ]?dos?|checklists?|next steps)\b/i.test(text);
}

/** A heading or label that introduces the people who must sign. */
export function isSignoffContext(text: string): boolean {
  return /\b(?:sign[- ]?offs?|signatures?|approvals?|approvers?|authori[sz]ations?)\b/i.test(text);
}
