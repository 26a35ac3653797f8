export const advisorEndpoints = {};
