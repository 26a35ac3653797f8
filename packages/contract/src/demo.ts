export const demoEndpoints = {};
