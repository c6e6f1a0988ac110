// The one list of what the hub is made of. The CDK stack, the local runtime and the tests all read it, in three
// parts: the departments and their task types, the state table and queues, the functions and routes.
export * from './topology/departments.ts';
export * from './topology/storage.ts';
export * from './topology/functions.ts';
