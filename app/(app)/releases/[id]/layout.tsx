import { LiveRefresh } from "@/components/live/live-refresh";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

/** Every page of a release follows the release's changes live. */
export default async function ReleaseLayout({ children, params }: Props) {
  const { id } = await params;
  return (
    <>
      {children}
      <div className="mt-8">
        <LiveRefresh releaseId={id} />
      </div>
    </>
  );
}
