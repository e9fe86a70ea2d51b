// The processor's decline code table (docs/processor.md): code → reason text.
export const DECLINE_CODES: Record<string, string> = {
  '3000': 'Insufficient card funds.',
  '3001': 'Do not honour.',
  '3002': 'Untrusted transaction.',
  '3003': 'Abandoned 3DS.',
  '3004': 'Invalid CVV2/CVC2.',
  '3005': 'Invalid cardholder name.',
  '3006': 'Exceeded amount limit.',
  '3007': 'Card expired.',
  '3008': 'Transaction already in progress.',
  '3009': 'Invalid card number.',
  '3010': 'Customer has failed 3DS.',
  '3011': 'No card record.',
  '3012': 'Pickup card.',
  '3013': 'Charge count limit reached for this card.',
  '3014': 'Exceeded amount limit.',
  '3015': 'Transaction not permitted to cardholder.',
  '3016': 'Visa decline.',
  '3017': 'Duplicate transaction.',
  '3018': 'Payment was not received.',
  '3019': 'Recalculation.',
  '3020': 'Transaction amount less than allowed.',
  '3021': 'Country is blocked.',
  '3022': 'Transaction blocked.',
  '3023': 'Declined by card Issuer.',
  '3024': 'Card type declined.',
  '3025': 'Transaction not allowed in country.',
  '3026': 'Mastercard Decline.',
};

/** Longer explanations for the codes where the table gives one. */
export const DECLINE_DESCRIPTIONS: Record<string, string> = {
  '3000': "Card doesn't have enough funds to complete the transaction.",
  '3002': 'Risk decline.',
  '3005': "Cardholder name wasn't accepted.",
  '3007': 'An expired card was used.',
  '3008': 'A transaction is already in progress.',
  '3010': '3DS was abandoned by customer.',
  '3016': 'This transaction was declined by the scheme (Visa).',
  '3022': 'Generic blocked transaction.',
  '3024': 'This type of card is blocked.',
  '3025': 'Only a local card can be used.',
  '3026': 'This transaction was declined by the scheme (Mastercard).',
};

/**
 * Scheme declines name their card network: a "Visa decline" only ever comes back on a Visa card,
 * a "Mastercard Decline" on a Mastercard. Every other code can happen on any brand.
 */
export const DECLINE_CODE_BRAND: Record<string, string> = { '3016': 'visa', '3026': 'mastercard' };

export function declineFitsBrand(code: string, cardBrand: string): boolean {
  const only = DECLINE_CODE_BRAND[code];
  return only === undefined || only === cardBrand;
}

/**
 * Codes only a card-not-present payment can get: 3-D Secure runs on online payments only, and
 * the CVV and the cardholder's name are checked only when someone typed them (online or keyed).
 */
export const DECLINE_CODE_ENTRY_MODES: Record<string, readonly string[]> = {
  '3003': ['ecommerce'],
  '3010': ['ecommerce'],
  '3004': ['ecommerce', 'keyed'],
  '3005': ['ecommerce', 'keyed'],
};

/** A decline code that can happen to this payment: the card's scheme and the way it was entered. */
export function declineFits(code: string, payment: { card_brand: string; entry_mode: string }): boolean {
  const modes = DECLINE_CODE_ENTRY_MODES[code];
  return declineFitsBrand(code, payment.card_brand) && (modes === undefined || modes.includes(payment.entry_mode));
}
