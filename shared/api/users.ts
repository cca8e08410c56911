import { z } from 'zod';

/** The three kinds of people who use Pagedesk. */
export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));
const displayName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');
/** Passwords: long enough to resist guessing, short enough to bound hashing work. */
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(256, 'Use at most 256 characters.');

/** A user as the API shows it: never the password hash. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });

export const createUserSchema = z.strictObject({
  email,
  name: displayName,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** Every field optional; `password` resets it, `active: false` deactivates and ends the sessions. */
export const updateUserSchema = z
  .strictObject({
    name: displayName.optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change.' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not a user id.' }) });
