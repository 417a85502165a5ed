/**
 * A texter's address: the E.164 number for SMS, `whatsapp:+E164` for WhatsApp (Twilio's `From`
 * and `To`). Each address has its own line (opt-out, conversation), and the number in it is the
 * client's proven phone either way: WhatsApp registers an account by a code sent to its number.
 */

export const WHATSAPP_PREFIX = 'whatsapp:';

/** @example isWhatsApp('whatsapp:+12133734253') // true */
export function isWhatsApp(address: string): boolean {
  return address.startsWith(WHATSAPP_PREFIX);
}

/** The E.164 number of an address. @example phoneOf('whatsapp:+12133734253') // '+12133734253' */
export function phoneOf(address: string): string {
  return isWhatsApp(address) ? address.slice(WHATSAPP_PREFIX.length) : address;
}

/** @example whatsAppAddress('+12133734253') // 'whatsapp:+12133734253' */
export function whatsAppAddress(phone: string): string {
  return `${WHATSAPP_PREFIX}${phoneOf(phone)}`;
}
