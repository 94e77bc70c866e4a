import { z } from "zod";
import { idField, textField } from "@/lib/schemas";

// What an API token may do (F22). "read" reads releases, items and history; "items:write" sets
// item statuses; "evidence:write" attaches evidence links.
export const tokenScopes = ["read", "items:write", "evidence:write"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: "Read releases, items and history",
  "items:write": "Set item statuses",
  "evidence:write": "Attach evidence",
};

export const createTokenSchema = z.strictObject({
  name: textField("Token name", 80),
  scopes: z.array(z.enum(tokenScopes, { error: "Choose valid scopes." })).min(1, "Choose at least one scope.").max(3),
  /** Empty: every release the creator can see. */
  releaseId: z.preprocess((value) => (value === "" ? null : value), idField.nullable()),
  expiresInDays: z.coerce.number({ error: "Choose when the token expires." }).int().min(1, "A token lasts at least a day.").max(366, "A token lasts at most a year."),
});

export const revokeTokenSchema = z.strictObject({ id: idField });
