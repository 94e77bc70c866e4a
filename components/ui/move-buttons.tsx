"use client";

import { useFormActionState } from "@/components/hooks/use-form-action-state";
import { InlineError } from "@/components/ui/inline-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  id: string;
  /** Said by screen readers: `Move ${name} up`, `Move ${name} down`. */
  name: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** The id of the row's element, where a post without JavaScript comes back to. */
  anchor?: string;
};

/**
 * The ↑ and ↓ of a row in one form: the pressed button sends its direction. One form and one
 * client component per row rather than two keeps long checklists light to load and hydrate.
 */
export function MoveButtons({ action, id, name, canMoveUp, canMoveDown, anchor = `row-${id}` }: Props) {
  const [state, formAction] = useFormActionState(action, anchor);
  if (!canMoveUp && !canMoveDown) return null;
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      <input type="hidden" name="id" value={id} />
      <span className="flex gap-1">
        {canMoveUp ? <SubmitButton variant="ghost" size="sm" name="direction" value="up" aria-label={`Move ${name} up`}>↑</SubmitButton> : null}
        {canMoveDown ? <SubmitButton variant="ghost" size="sm" name="direction" value="down" aria-label={`Move ${name} down`}>↓</SubmitButton> : null}
      </span>
      <InlineError state={state} />
    </form>
  );
}
