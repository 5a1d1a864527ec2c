export * from './kpj';
export * from './mask';
export * from './birth-date';
export * from './format';
export * from './contribution-rates';
export * from './projection';
export * from './time-zone-label';
