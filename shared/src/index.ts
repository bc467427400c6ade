export * from './check-result';
export * from './enums';
export * from './api-types';
export * from './alert-types';
export * from './id-number';
export * from './bank-card';
export * from './phone';
export * from './regions';
