import { z } from "zod";
import { idField, optionalTextField, textField, versionField } from "@/lib/schemas";
import { createReleaseSchema } from "@/lib/releases/schemas";

// Inputs of the import and template actions. The Markdown itself is checked by the importer
// (size, item count); here only that it is text of a bounded size.

/** The largest document accepted (1 MB of UTF-8 is at most a million characters). */
const markdownField = z
  .string({ error: "Paste a Markdown document or choose a file." })
  .min(1, "Paste a Markdown document or choose a file.")
  .max(1_000_000, "The document is larger than 1 MB; split it and import the parts.");

export const previewImportSchema = z.strictObject({
  source: markdownField,
  fileName: optionalTextField("File name", 255),
});

export const importReleaseSchema = createReleaseSchema.extend({
  source: markdownField,
  fileName: optionalTextField("File name", 255),
  /** The SHA-256 of the document the user previewed: the import refuses any other text. */
  previewHash: z.string().regex(/^[0-9a-f]{64}$/, "Preview the document again before importing it."),
});

export const createFromTemplateSchema = createReleaseSchema.extend({ templateId: idField });

export const saveAsTemplateSchema = z.strictObject({
  releaseId: idField,
  name: textField("Template name", 120),
  description: optionalTextField("Description", 2000),
});

export const updateTemplateSchema = z.strictObject({
  id: idField,
  version: versionField,
  name: textField("Template name", 120),
  description: optionalTextField("Description", 2000),
  plan: markdownField,
});

export const retireTemplateSchema = z.strictObject({ id: idField, version: versionField });
