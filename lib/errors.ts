/** Raised when the viewer may not do what they asked. Pages show 403, actions a message. */
export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Raised when a row is missing, deleted, or belongs to another release. */
export class NotFoundError extends Error {
  constructor(message = "That no longer exists.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Raised when an edit was based on a version that someone else has since changed. */
export class StaleVersionError<T = unknown> extends Error {
  constructor(
    public readonly current: T,
    message = "Someone else changed this while you were editing. Their values are shown below; review them and save again.",
  ) {
    super(message);
    this.name = "StaleVersionError";
  }
}
