export const serviceName = 'RJCloud';
