// Tests run outside the React server runtime, where "server-only" would refuse to load.
export {};
