export function serverProcessCount(value?: string): number | null;
