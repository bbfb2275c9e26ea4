import { formatPrice } from '../lib/format';
import { getLanguage, t } from './i18n';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const number = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));

/**
 * The sentences the services write for people (field messages and problem details), in English,
 * as the APIs send them. In Spanish each is said from the catalogue; the numbers they carry
 * (a length, a price, a currency) are kept.
 */
const RULES: Rule[] = [
  [/^Required\.$/, () => t('server.required')],
  [/^At most (\d+) characters(?:, no NUL)?\.$/, (m) => t('server.atMostChars', { count: number(m[1]) })],
  [/^At least (\d+) characters\.$/, (m) => t('server.atLeastChars', { count: number(m[1]) })],
  [/^This password is too common/, () => t('server.commonPassword')],
  [/^Must not contain control characters/, () => t('server.controlChars')],
  [/^Not an email address\.$/, () => t('server.notEmail')],
  [/^This is already your email address\.$/, () => t('server.sameEmail')],
  [/^The password is wrong\.$/, () => t('server.wrongPassword')],
  [/^Another account uses this email address/, () => t('server.emailTaken')],
  [/^Must be greater than 0(?: [A-Z]{3})?\.$/, () => t('server.aboveZero')],
  [/^At most ([\d,]+(?:\.\d+)?) ([A-Z]{3})\b/, (m) => t('server.maxPrice', { price: formatPrice(number(m[1]), m[2]) })],
  [/^([A-Z]{3}) has no decimals/, (m) => t('server.noDecimals', { code: m[1]! })],
  [/^([A-Z]{3}) has at most (\d+) decimals/, (m) => t('server.maxDecimals', { code: m[1]!, count: number(m[2]) })],
  [/^Must be one of the ids from/, () => t('server.category')],
  [/^Must be one of (.+)\.$/, (m) => t('server.oneOf', { list: m[1]! })],
  [/^Must be 0 or more\.$/, () => t('server.zeroOrMore')],
  [/^Must be an absolute https URL\.$/, () => t('server.httpsAbsolute')],
  [/^Must use https\.$/, () => t('server.httpsOnly')],
  [/^Must not contain credentials\.$/, () => t('server.credentials')],
  [/^Must not point at a loopback/, () => t('server.privateAddress')],
  [/^Must name a public host\.$/, () => t('server.publicHost')],
  [/^Say why, in 1 to (\d+) characters/, (m) => t('server.takedownReason', { count: number(m[1]) })],
  [/^(?:token: )?This link is invalid, expired or already used/, () => t('server.invalidLink')],
  [/^Confirm your email address before publishing/, () => t('server.emailNotVerified')],
  [/^This account is suspended by an administrator/, () => t('server.accountSuspended')],
  [/^An administrator took this product down/, () => t('server.takenDown')],
  [/^Results beyond the first (\d+) are not served/, (m) => t('server.beyondResults', { count: number(m[1]) })],
  [/^Not a category id\.$/, () => t('server.notCategory')],
  [/^Must not exceed maxPrice\.$/, () => t('server.minAboveMax')],
  [/^The seller deleted their account\.$/, () => t('server.sellerDeleted')],
];

/**
 * A sentence from the server in the UI's language: as sent in English; in Spanish from the
 * catalogue, or null when it is not one we know (the caller then says something general).
 */
export function localizeServerText(text: string): string | null {
  if (getLanguage() === 'en') return text;
  const trimmed = text.trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(trimmed);
    if (m) return say(m);
  }
  return null;
}
