import "server-only";
import { db } from "@/lib/db";

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}

export async function getUser(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true, passwordHash: true, totpSecret: true, _count: { select: { identities: true } } },
  });
  if (!user) return null;
  const { passwordHash, totpSecret, _count, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null, hasTwoStep: totpSecret !== null, identities: _count.identities };
}
