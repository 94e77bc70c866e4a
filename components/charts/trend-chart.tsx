"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useReducedMotion } from "@/components/charts/use-reduced-motion";

type Point = { day: string; open: number; done: number; score: number | null };

const shortDay = (day: string) => day.slice(5);

/** Burndown of open items and burn-up of done items, day by day. */
export function BurndownChart({ points, label }: { points: Point[]; label: string }) {
  const isStill = useReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} title={label} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-700" />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip labelFormatter={(day) => String(day)} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span className="text-slate-700 dark:text-slate-200">{value}</span>} />
        <Line type="monotone" dataKey="open" name="Open items" stroke="#b45309" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={!isStill} />
        <Line type="monotone" dataKey="done" name="Done items" stroke="#0369a1" strokeWidth={2} dot={false} isAnimationActive={!isStill} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The readiness score day by day, with the GO threshold drawn across. */
export function ScoreTrendChart({ points, threshold, label }: { points: Point[]; threshold: number; label: string }) {
  const isStill = useReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} title={label} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-700" />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
        <Tooltip labelFormatter={(day) => String(day)} />
        <ReferenceLine y={threshold} stroke="#475569" strokeDasharray="4 4" label={{ value: `GO at ${threshold}`, position: "insideTopLeft", fontSize: 11 }} />
        <Line type="monotone" dataKey="score" name="Score" stroke="#047857" strokeWidth={2} dot={false} connectNulls isAnimationActive={!isStill} />
      </LineChart>
    </ResponsiveContainer>
  );
}
