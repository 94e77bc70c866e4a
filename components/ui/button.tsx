import clsx from "clsx";
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

/** Classes for anything that should look like a button, links included (`.btn` in `app/globals.css`). */
export function buttonClasses(variant: ButtonVariant = "secondary", size: "sm" | "md" = "md") {
  return `btn btn-${size} btn-${variant}`;
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" };

export function Button({ variant = "secondary", size = "md", className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={clsx(buttonClasses(variant, size), className)} {...props} />;
}
