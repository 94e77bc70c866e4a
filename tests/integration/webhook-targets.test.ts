import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/form";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { createWebhook } from "@/lib/webhooks/mutations";
import { isPublicAddress } from "@/lib/webhooks/targets";
import { createUser } from "../support/factories";

// Webhooks cannot reach inside the network (server-side request forgery): addresses in
// private, loopback, link-local and unique-local ranges are refused when the webhook is added
// and again at every delivery, after resolving the receiver's name.

describe("webhook receivers", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fc00::1", "fe80::1", "::ffff:127.0.0.1"])("%s is inside the network", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.216.34", "2606:4700::6810:84e5"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("may not be internal addresses, by number or by name", async () => {
    const admin = await createUser("ADMIN");
    for (const url of ["http://127.0.0.1:8080/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://10.0.0.5/hook", "http://localhost:3000/hook"]) {
      await expect(createWebhook(admin, { url, events: ["item.status_changed"], releaseId: "" }), url).rejects.toThrow(ValidationError);
    }
    await expect(createWebhook(admin, { url: "http://93.184.216.34/hook", events: ["item.status_changed"], releaseId: "" })).resolves.toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
  });

  it("are checked again at delivery, so a webhook pointed inside the network later gets nothing", async () => {
    const admin = await createUser("ADMIN");
    const hook = await db.webhook.create({ data: { url: "http://127.0.0.1:9/hook", secret: "whsec_test", events: ["item.status_changed"], createdById: admin.id }, select: { id: true } });
    const delivery = await db.webhookDelivery.create({ data: { webhookId: hook.id, eventId: "e1", eventType: "item.status_changed", payload: {} }, select: { id: true } });
    await deliverWebhook({ deliveryId: delivery.id });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", lastStatusCode: null, lastError: expect.stringContaining("inside the network") });
  });
});
