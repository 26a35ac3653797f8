export const mentorsEndpoints = {};
