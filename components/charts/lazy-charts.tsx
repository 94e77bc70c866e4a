"use client";

import dynamic from "next/dynamic";

// The charts load after the page has rendered: the text equivalents beside them are server
// rendered, so the page is readable and usable before any chart code arrives.
const placeholder = () => <div className="h-full w-full animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" />;

export const BurndownChart = dynamic(() => import("@/components/charts/trend-chart").then((m) => m.BurndownChart), { ssr: false, loading: placeholder });
export const ScoreTrendChart = dynamic(() => import("@/components/charts/trend-chart").then((m) => m.ScoreTrendChart), { ssr: false, loading: placeholder });
export const ScoreGauge = dynamic(() => import("@/components/charts/status-charts").then((m) => m.ScoreGauge), { ssr: false, loading: placeholder });
export const SignoffChart = dynamic(() => import("@/components/charts/status-charts").then((m) => m.SignoffChart), { ssr: false, loading: placeholder });
