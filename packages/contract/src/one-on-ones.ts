export const oneOnOnesEndpoints = {};
