/** Every IANA time zone this server knows, for pickers; UTC first. */
export function listTimeZones(): { value: string; label: string }[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  return [{ value: "UTC", label: "UTC" }, ...zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))];
}
