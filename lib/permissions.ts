import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

// Who may do what. The one table every page and action consults; hiding a control with
// can() is a courtesy, requirePermission() on the server is the check.
const permissions = {
  "release:create": ["ADMIN", "RELEASE_MANAGER"],
  "template:create": ["ADMIN", "RELEASE_MANAGER"],
  "template:manage": ["ADMIN"],
  "release:edit": ["ADMIN", "RELEASE_MANAGER"],
  "release:archive": ["ADMIN", "RELEASE_MANAGER"],
  "checklist:edit": ["ADMIN", "RELEASE_MANAGER"],
  "item:progress": ["ADMIN", "RELEASE_MANAGER", "APPROVER"],
  "item:waive": ["ADMIN", "RELEASE_MANAGER"],
  "signoff:configure": ["ADMIN", "RELEASE_MANAGER"],
  "signoff:record": ["ADMIN", "RELEASE_MANAGER", "APPROVER"],
  "decision:record": ["ADMIN", "RELEASE_MANAGER"],
  "share:manage": ["ADMIN", "RELEASE_MANAGER"],
  "plan:edit": ["ADMIN", "RELEASE_MANAGER"],
  "incident:record": ["ADMIN", "RELEASE_MANAGER", "APPROVER"],
  "freeze:manage": ["ADMIN"],
  "api:manage": ["ADMIN", "RELEASE_MANAGER"],
  "webhook:manage": ["ADMIN", "RELEASE_MANAGER"],
  "users:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** `signedInAt`: when the current session began, for confirmations by a fresh single sign-on. */
export type Viewer = { id: string; email: string; name: string; role: Role; signedInAt?: Date };

export function can(viewer: Pick<Viewer, "role">, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(viewer.role);
}

export function requirePermission(viewer: Pick<Viewer, "role">, permission: Permission): void {
  if (!can(viewer, permission)) throw new ForbiddenError();
}

export const roleLabels: Record<Role, string> = {
  ADMIN: "Admin",
  RELEASE_MANAGER: "Release manager",
  APPROVER: "Approver",
  VIEWER: "Viewer",
};
