export const readinessEndpoints = {};
