export const peopleImportEndpoints = {};
