"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useActionState } from "react";
import { idleState, type FormState } from "@/lib/form";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * `useActionState` for a form that may be repeated on a page (one per row, one per phase). Given
 * an anchor, the form gets a permalink: this page at that element. Without JavaScript the form
 * posts back to this page and the browser scrolls to the anchor; with it, nothing changes.
 * React then keys the form's state by the permalink instead of hashing the form's place in the
 * component tree, which on a long checklist was a tenth of the server's rendering time
 * (docs/performance.md). Anchors must differ between forms of the same action on one page.
 */
export function useFormActionState(action: FormAction, anchor?: string) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const permalink = anchor === undefined ? undefined : `${pathname}${search ? `?${search}` : ""}#${anchor}`;
  return useActionState(action, idleState, permalink);
}
