export const assessmentsEndpoints = {};
