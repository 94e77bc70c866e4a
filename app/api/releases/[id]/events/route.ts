import { getViewer } from "@/lib/auth";
import { ensureListening, isStopping, subscribeToRelease, trackStream } from "@/lib/live/listener";
import { releaseExists } from "@/lib/releases/queries";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 20_000;

type Context = { params: Promise<{ id: string }> };

/**
 * Server-sent events for one release: an event each time a change to it commits, on any app
 * instance. The browser's EventSource reconnects by itself after a drop or a restart.
 */
export async function GET(request: Request, { params }: Context) {
  // Shutting down: drop the connection so the browser reconnects to an instance that is up.
  if (isStopping()) return new Response("This instance is stopping.", { status: 503, headers: { Connection: "close", "Retry-After": "2" } });
  if (!(await getViewer())) return new Response("Sign in to follow this release.", { status: 401 });
  const { id } = await params;
  if (!(await releaseExists(id))) return new Response("That release does not exist.", { status: 404 });
  // The page counts itself live once this answer opens: the instance must already be listening,
  // or a change committed in between would never reach it.
  await ensureListening();

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send("retry: 2000\n: connected\n\n");
      const unsubscribe = subscribeToRelease(id, (event) => send(`event: change\ndata: ${JSON.stringify({ action: event.action })}\n\n`));
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const untrack = trackStream(end);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        untrack();
      };
      request.signal.addEventListener("abort", end);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
