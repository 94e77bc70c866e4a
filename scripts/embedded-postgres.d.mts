// Types for scripts/embedded-postgres.mjs, for the TypeScript that uses it (bench/load.ts).
export type EmbeddedDatabase = { url: string; adminUrl: string; isNew: boolean; stop: () => Promise<void> };
export function findFreePort(preferred: number, attempts?: number): Promise<number>;
export function isPortFree(port: number, host?: string): Promise<boolean>;
export function isProcessAlive(pid: number): boolean;
export function startEmbeddedPostgres(options: { rootDir: string; port: number; database?: string; log?: (message: string) => void }): Promise<EmbeddedDatabase>;
