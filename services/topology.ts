// The one list of what the hub is made of. The CDK stack, the local runtime and the tests all read it, in four
// parts: the departments (plain data), their task types (the contracts registry), the state table and queues, the
// functions and routes. Lambda code imports the part it needs, so that a bundle carries no contract it does not use.
export * from './topology/departments.ts';
export * from './topology/task-types.ts';
export * from './topology/storage.ts';
export * from './topology/functions.ts';
