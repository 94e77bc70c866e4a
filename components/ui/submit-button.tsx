"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "@/components/ui/button";

type Props = { children: React.ReactNode; pendingLabel?: string; variant?: ButtonVariant; size?: "sm" | "md"; name?: string; value?: string; "aria-label"?: string };

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({ children, pendingLabel, variant = "primary", ...props }: Props) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
