export const evidenceEndpoints = {};
