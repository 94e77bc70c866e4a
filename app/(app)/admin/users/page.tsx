import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/layout/forbidden";
import { CreateUserForm } from "@/components/users/user-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth";
import { can, roleLabels } from "@/lib/permissions";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const viewer = await requireViewer();
  if (!can(viewer, "users:manage")) return <Forbidden />;
  const [users, { created }] = await Promise.all([listUsers(), searchParams]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      {created ? <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">User created. They can sign in now.</p> : null}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="sr-only">All users with their role and state</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">E-mail</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {users.map((user) => (
              <tr key={user.id}>
                <td className="px-4 py-2">
                  <Link href={`/admin/users/${user.id}`} className="font-medium text-sky-800 hover:underline dark:text-sky-300">{user.name}</Link>
                </td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">{roleLabels[user.role]}</td>
                <td className="px-4 py-2">{user.disabledAt ? <Badge tone="muted" symbol="–">Disabled</Badge> : <Badge tone="success" symbol="✓">Active</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card title="Create a user" id="create-user">
        <CreateUserForm />
      </Card>
    </div>
  );
}
