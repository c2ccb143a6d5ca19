// A message from shared/i18n (a code and the values it mentions) at a process boundary, so a
// failure can travel to the UI as data and be shown in the UI's language.
import { z } from 'zod';
import { LIST_JOINS, MESSAGE_CODES, type Message, type MessageArg } from '../i18n/messages';

export const messageArgSchema: z.ZodType<MessageArg> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    messageSchema,
    z.object({ list: z.array(messageArgSchema), join: z.enum(LIST_JOINS) }),
    z.object({ blockId: z.string(), blockName: z.string() }),
    z.object({ param: z.string(), layer: z.string(), label: z.string().optional() }),
  ]),
);

export const messageSchema: z.ZodType<Message> = z.object({
  code: z.enum(MESSAGE_CODES as [Message['code'], ...Message['code'][]]),
  args: z.record(z.string(), messageArgSchema),
});
