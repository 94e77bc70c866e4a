import clsx from "clsx";
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 border-transparent",
  secondary:
    "bg-white text-slate-800 border-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  danger: "bg-white text-red-700 border-red-300 hover:bg-red-50 dark:bg-slate-900 dark:text-red-300 dark:border-red-800",
  ghost: "bg-transparent border-transparent text-slate-700 hover:bg-slate-200/60 dark:text-slate-200 dark:hover:bg-slate-800",
};

/** Classes for anything that should look like a button, links included. */
export function buttonClasses(variant: ButtonVariant = "secondary", size: "sm" | "md" = "md") {
  return clsx(
    "inline-flex items-center justify-center gap-1.5 rounded-md border font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm",
    variants[variant],
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" };

export function Button({ variant = "secondary", size = "md", className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={clsx(buttonClasses(variant, size), className)} {...props} />;
}
