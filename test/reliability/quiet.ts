// Imported first by each reliability file: the hub logs every move at INFO, which would bury the figures' lines.
process.env.LOG_LEVEL ??= 'CRITICAL';
