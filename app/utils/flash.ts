export type Flash = { kind: 'success' | 'error' | 'info'; message: string }
