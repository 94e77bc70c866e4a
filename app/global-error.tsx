"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>Something went wrong</h1>
        <p>The app could not show this page.{error.digest ? ` Reference: ${error.digest}.` : ""}</p>
      </body>
    </html>
  );
}
