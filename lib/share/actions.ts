"use server";

import { formValues, type FormState } from "@/lib/form";
import { runFormMutation } from "@/lib/form-actions";
import { createShareLink, revokeShareLink } from "@/lib/share/mutations";

/** The new link's token travels back once, in the form state; it is never stored in the clear. */
export async function createShareLinkAction(_state: FormState, formData: FormData) {
  return runFormMutation(createShareLink, formValues(formData), (result) => ({
    status: "success",
    message: "Link created. Copy it now: it is shown only once.",
    values: { token: result.token },
  }));
}

export async function revokeShareLinkAction(_state: FormState, formData: FormData) {
  return runFormMutation(revokeShareLink, formValues(formData), "Link revoked.");
}
