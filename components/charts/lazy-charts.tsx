"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentType } from "react";

// The charts load after the page has rendered, and only once they come near the screen: the text
// equivalents beside them are server rendered, so the page is readable and usable before any
// chart code arrives, and a phone that never scrolls to them never downloads them.
const placeholder = () => <div className="h-full w-full animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" />;

/** Renders `children` once this spot is within 300 px of the viewport; a placeholder until then. */
function NearViewport({ children }: { children: React.ReactNode }) {
  const spot = useRef<HTMLDivElement>(null);
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = spot.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setIsNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setIsNear(true);
        observer.disconnect();
      }
    }, { rootMargin: "300px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={spot} className="h-full w-full">{isNear ? children : placeholder()}</div>;
}

function whenNear<P extends object>(Chart: ComponentType<P>) {
  return function ChartWhenNear(props: P) {
    return <NearViewport><Chart {...props} /></NearViewport>;
  };
}

export const BurndownChart = whenNear(dynamic(() => import("@/components/charts/trend-chart").then((m) => m.BurndownChart), { ssr: false, loading: placeholder }));
export const ScoreTrendChart = whenNear(dynamic(() => import("@/components/charts/trend-chart").then((m) => m.ScoreTrendChart), { ssr: false, loading: placeholder }));
export const SignoffChart = whenNear(dynamic(() => import("@/components/charts/status-charts").then((m) => m.SignoffChart), { ssr: false, loading: placeholder }));
