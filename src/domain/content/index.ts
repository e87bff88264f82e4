export * from './schemas'
export * from './spans'
export * from './consistency'
