export const feedbackEndpoints = {};
