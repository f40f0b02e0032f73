import { createHash, randomBytes } from 'node:crypto'

/**
 * Bearer secrets (session cookies, invitation links): 32 random bytes handed out once, and only
 * their SHA-256 digest stored, so a copy of the database opens no session and no invitation.
 */
export const newSecretToken = () => randomBytes(32).toString('base64url')

export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('base64url')
