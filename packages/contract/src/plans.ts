export const plansEndpoints = {};
