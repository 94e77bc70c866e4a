"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A moment in the viewer's own time zone; the server renders UTC until the browser takes over. */
export function LocalTime({ date }: { date: Date }) {
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    () => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={date.toISOString()}>{text}</time>;
}
