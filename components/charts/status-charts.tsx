"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";

const legendText = (value: string) => <span className="text-slate-700 dark:text-slate-200">{value}</span>;

// Recharts copies each entry's fields onto its drawn shapes: a field called "role" would become
// an invalid ARIA role, so the role's name travels as "roleName".
type RoleBar = { roleName: string; approved: number; missing: number; notCounting: number };

/** Per role: counting approvals, approvals still needed, and sign-offs that stopped counting. */
export function SignoffChart({ roles, label }: { roles: RoleBar[]; label: string }) {
  const isStill = useReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={roles} title={label} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} className="stroke-slate-200 dark:stroke-slate-700" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="roleName" width={120} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
        <Bar dataKey="approved" name="Approved" stackId="a" fill="#047857" isAnimationActive={!isStill} />
        <Bar dataKey="notCounting" name="Stale, reset or rejected" stackId="a" fill="#d97706" isAnimationActive={!isStill} />
        <Bar dataKey="missing" name="Still needed" stackId="a" fill="#cbd5e1" isAnimationActive={!isStill} />
      </BarChart>
    </ResponsiveContainer>
  );
}
