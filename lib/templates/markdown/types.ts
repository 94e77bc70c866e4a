import type { Category, Priority, Status } from "@/lib/templates/markdown/vocabulary";

// What an import would create: the same shape for the web preview, the command line and the
// transaction that creates the release.

export type PreviewEvidence = { url: string; label: string };

export type PreviewSubItem = {
  title: string;
  /** 1-based line of the source document. */
  line: number;
  status: Status;
  priority: Priority;
  category: Category | null;
  ownerRole: string;
  estimateMinutes: number | null;
  evidence: PreviewEvidence[];
  details: string;
};

export type PreviewItem = PreviewSubItem & { subItems: PreviewSubItem[] };

export type PreviewPhase = { name: string; line: number; items: PreviewItem[] };

export type PreviewRole = { roleName: string; evidenceToReview: string; requiredApprovals: number; line: number };

export type ImportWarning = {
  line: number;
  kind: "skipped" | "guessed" | "repaired" | "adjusted";
  message: string;
};

export type ImportPreview = {
  /** The document's title (its single top heading), if it has one. */
  title: string | null;
  phases: PreviewPhase[];
  signoffRoles: PreviewRole[];
  warnings: ImportWarning[];
  counts: { phases: number; items: number; subItems: number; done: number; blocking: number; signoffRoles: number };
};

export const IMPORT_LIMITS = { bytes: 1_000_000, items: 5_000 } as const;

/** Raised when a document is too large to import; the message says which limit. */
export class ImportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportLimitError";
  }
}
