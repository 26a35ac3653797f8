export const goalsEndpoints = {};
