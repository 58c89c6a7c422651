import * as z from "zod";
import { answerValueSchema } from "./answers.js";

/** A secret or token: at least 128 bits, base64url. */
const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{22,}$/);

export const workshopParticipantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{1,32}$/),
  /** Absent for an answers file that was in the folder before: it counts, but nobody signs in as it. */
  token: secretSchema.optional(),
  name: z.string().max(200),
  role: z.string().max(200).optional(),
  /** The answers file, relative to the workshop folder. */
  file: z.string().regex(/^[^/\\]+\.yaml$/),
  /** Questions passed over for now, not asked again until the respondent goes back to them. */
  passed: z.array(z.string().max(200)).default([]),
});
export type WorkshopParticipant = z.infer<typeof workshopParticipantSchema>;

export const workshopAgreementSchema = z.strictObject({
  value: answerValueSchema,
  note: z.string().max(2000).optional(),
  /** Who answered otherwise than the team agreed. */
  disagreed: z.array(z.string().max(200)),
});
export type WorkshopAgreement = z.infer<typeof workshopAgreementSchema>;

/** What a workshop keeps beside its answers files so that a restart resumes it: secrets, who is who, agreements. */
export const workshopStateSchema = z.strictObject({
  kind: z.literal("workshop-state"),
  version: z.literal(1),
  questionnaire: z.string().max(200),
  joinSecret: secretSchema,
  hostSecret: secretSchema,
  participants: z.array(workshopParticipantSchema).max(200),
  agreements: z.record(z.string().max(200), workshopAgreementSchema),
  /** Section ids revealed, or "all". */
  revealed: z.array(z.string().max(200)),
  names: z.boolean(),
  ended: z.boolean(),
});
export type WorkshopState = z.infer<typeof workshopStateSchema>;
