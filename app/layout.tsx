import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Release readiness", template: "%s · Release readiness" },
  description: "Production-release checklists, sign-offs and go/no-go status.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
