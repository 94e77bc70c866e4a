// The events outgoing webhooks carry (F22). Pure, shared by the forms and the emitters.
export const webhookEventTypes = ["signoff.recorded", "signoff.stale", "decision.recorded", "release.status_changed", "item.status_changed"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "signoff.recorded": "A sign-off is recorded",
  "signoff.stale": "Sign-offs become stale (a blocking item changed)",
  "decision.recorded": "A go/no-go decision is recorded",
  "release.status_changed": "A release's status changes",
  "item.status_changed": "An item's status changes",
};
