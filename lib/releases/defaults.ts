/** The readiness weights of a new release (F6): they sum to 100. */
export const defaultCategories = [
  { name: "Security", weight: 30 },
  { name: "Performance", weight: 30 },
  { name: "Operations", weight: 20 },
  { name: "Validation", weight: 20 },
];
