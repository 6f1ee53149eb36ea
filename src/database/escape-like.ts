/** Escapes %, _ and \ so user text matches literally inside an ILIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
