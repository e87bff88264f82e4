export * from './schemas'
export * from './settlement'
export * from './batch-edit'
export * from './content-diff'
