export const insightsEndpoints = {};
