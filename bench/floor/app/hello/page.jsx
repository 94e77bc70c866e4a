// Static: prerendered at build time, the cheapest page Next.js serves.
export default function Hello() {
  return <p>Hello</p>;
}
