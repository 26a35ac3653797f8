export const auditEndpoints = {};
